package io.crossbill.releng.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;

/**
 * Generates the model code of one .genmodel without Eclipse running, the way "Generate Model Code" does
 * in the IDE.
 * <p>
 * The genmodel names its output folder as a workspace path ({@code /io.crossbill.model/src-gen}); there is
 * no workspace here, so {@code platform:/resource/<bundle>/} is mapped onto the bundle folder, which is
 * taken to be the genmodel's grandparent ({@code <bundle>/model/x.genmodel}).
 * <p>
 * Before generating, the genmodel is reconciled with its .ecore (new classes and features get their
 * generator settings) and saved back when that changed it, so editing the .ecore and running this is
 * all it takes. The source folder is emptied first: it holds generated code only, and a class removed
 * from the .ecore must not survive as a stale file.
 */
public final class GenerateModel {

	private GenerateModel() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: GenerateModel <path/to/model.genmodel>");
			System.exit(2);
		}
		Path genModelFile = Path.of(args[0]).toAbsolutePath().normalize();
		Path bundleDir = genModelFile.getParent().getParent();
		String bundleName = bundleDir.getFileName().toString();
		long start = System.nanoTime();

		ResourceSet resourceSet = newResourceSet(bundleName, bundleDir);
		URI genModelUri = URI.createPlatformResourceURI(
				bundleName + "/" + bundleDir.relativize(genModelFile).toString().replace('\\', '/'), true);
		Resource genModelResource = resourceSet.getResource(genModelUri, true);
		GenModel genModel = (GenModel) genModelResource.getContents().get(0);
		byte[] before = Files.readAllBytes(genModelFile);

		if (!genModel.reconcile()) {
			fail("the genmodel does not match its Ecore model any more (package missing or unresolved)", null);
		}
		for (GenPackage genPackage : genModel.getGenPackages()) {
			Diagnostic ecore = Diagnostician.INSTANCE.validate(genPackage.getEcorePackage());
			if (ecore.getSeverity() == Diagnostic.ERROR) {
				fail("the Ecore model " + genPackage.getEcorePackage().getName() + " is not valid", ecore);
			}
		}
		Diagnostic validation = genModel.diagnose();
		if (validation.getSeverity() == Diagnostic.ERROR) {
			fail("the genmodel is not valid", validation);
		}
		saveIfChanged(genModelResource, genModelFile, before);

		Path modelDirectory = bundleDir.resolve(stripProject(genModel.getModelDirectory(), bundleName));
		deleteTree(modelDirectory);

		genModel.setCanGenerate(true);
		GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		Generator generator = new Generator();
		generator.setInput(genModel);
		Diagnostic result;
		try {
			result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, new BasicMonitor());
		} catch (RuntimeException e) {
			result = BasicDiagnostic.toDiagnostic(e);
		}
		if (result.getSeverity() == Diagnostic.ERROR) {
			fail("code generation failed", result);
		}
		if (result.getSeverity() != Diagnostic.OK) {
			print(result, "");
		}
		long files;
		try (Stream<Path> generated = Files.walk(modelDirectory)) {
			files = generated.filter(Files::isRegularFile).count();
		}
		System.out.printf("Generated %d files into %s in %d ms%n", files, bundleDir.relativize(modelDirectory),
				(System.nanoTime() - start) / 1_000_000);
	}

	private static ResourceSet newResourceSet(String bundleName, Path bundleDir) {
		// touching the packages registers them in the global EPackage registry, as plugin.xml would
		EcorePackage.eINSTANCE.eClass();
		GenModelPackage.eINSTANCE.eClass();
		ResourceSet resourceSet = new ResourceSetImpl();
		Map<String, Object> factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
		factories.put("ecore", new EcoreResourceFactoryImpl());
		factories.put("genmodel", new EcoreResourceFactoryImpl());
		URI bundleUri = URI.createFileURI(bundleDir.toString() + "/");
		resourceSet.getURIConverter().getURIMap()
				.put(URI.createPlatformResourceURI(bundleName + "/", false), bundleUri);
		// the generator resolves platform:/resource URIs through the global map, not the resource set's
		URIConverter.URI_MAP
				.put(URI.createPlatformResourceURI(bundleName + "/", false), bundleUri);
		return resourceSet;
	}

	/** Writes the reconciled genmodel back only when it differs, so a no-op run leaves no diff. */
	private static void saveIfChanged(Resource genModelResource, Path genModelFile, byte[] before) throws IOException {
		ByteArrayOutputStream after = new ByteArrayOutputStream();
		genModelResource.save(after, Map.of(Resource.OPTION_LINE_DELIMITER, Resource.OPTION_LINE_DELIMITER_UNSPECIFIED));
		if (!Arrays.equals(before, after.toByteArray())) {
			Files.write(genModelFile, after.toByteArray());
			System.out.println("Updated " + genModelFile.getFileName() + " from its Ecore model");
		}
	}

	private static String stripProject(String workspacePath, String bundleName) {
		String prefix = "/" + bundleName + "/";
		if (!workspacePath.startsWith(prefix)) {
			fail("modelDirectory " + workspacePath + " is not inside " + prefix, null);
		}
		return workspacePath.substring(prefix.length());
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void fail(String message, Diagnostic diagnostic) {
		System.err.println("ERROR: " + message);
		if (diagnostic != null) {
			print(diagnostic, "  ");
		}
		System.exit(1);
	}

	private static void print(Diagnostic diagnostic, String indent) {
		System.err.println(indent + severity(diagnostic) + " " + diagnostic.getMessage());
		if (diagnostic.getException() != null) {
			diagnostic.getException().printStackTrace();
		}
		for (Diagnostic child : diagnostic.getChildren()) {
			print(child, indent + "  ");
		}
	}

	private static String severity(Diagnostic diagnostic) {
		return switch (diagnostic.getSeverity()) {
		case Diagnostic.ERROR -> "[error]";
		case Diagnostic.WARNING -> "[warning]";
		case Diagnostic.INFO -> "[info]";
		default -> "[ok]";
		};
	}
}
