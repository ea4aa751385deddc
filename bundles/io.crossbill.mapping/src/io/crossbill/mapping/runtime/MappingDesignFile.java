package io.crossbill.mapping.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingPackage;

/**
 * Reads and writes a mapping design as XMI, the same inside OSGi and outside: the resource is created
 * directly rather than through the extension registry, which is empty in a plain JVM.
 */
public final class MappingDesignFile {

	/** Where shipped designs live in the bundle. */
	public static final String SHIPPED_FOLDER = "/designs/shipped/";

	private MappingDesignFile() {
	}

	/**
	 * @param name where the design came from, for messages (a file name)
	 * @throws IOException when the stream is not a mapping design
	 */
	public static MappingDesign read(InputStream in, String name) throws IOException {
		ResourceSetImpl resourceSet = new ResourceSetImpl();
		resourceSet.getPackageRegistry().put(MappingPackage.eNS_URI, MappingPackage.eINSTANCE);
		Resource resource = new XMIResourceImpl(URI.createURI(name));
		resourceSet.getResources().add(resource);
		try {
			resource.load(in, Map.of());
		} catch (IOException | RuntimeException e) {
			throw new IOException(name + " is not a readable mapping design: " + e.getMessage(), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof MappingDesign design)) {
			throw new IOException(name + " does not hold a mapping design");
		}
		return design;
	}

	/**
	 * A design shipped in this bundle's {@code designs/shipped/} folder, e.g. {@code loadShipped("xero-time-entries")}
	 * reads {@code /designs/shipped/xero-time-entries.xmi}. Read through this bundle's class loader, so it works in
	 * OSGi and on a plain class path alike.
	 *
	 * @throws IOException when no such design is shipped or it cannot be read
	 */
	public static MappingDesign loadShipped(String name) throws IOException {
		if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
			throw new IOException("\"" + name + "\" is not the name of a shipped design");
		}
		String resource = SHIPPED_FOLDER + name + ".xmi";
		try (InputStream in = MappingDesignFile.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("no design \"" + name + "\" is shipped with io.crossbill.mapping (" + resource + ")");
			}
			return read(in, name + ".xmi");
		}
	}

	/** Writes the design (it is attached to a new resource if it has none). */
	public static void write(MappingDesign design, OutputStream out) throws IOException {
		Resource resource = design.eResource();
		if (resource == null) {
			resource = new XMIResourceImpl(URI.createURI("design.xmi"));
			resource.getContents().add(design);
		}
		resource.save(out, Map.of(Resource.OPTION_LINE_DELIMITER, "\n", XMLResource.OPTION_ENCODING, "UTF-8"));
	}
}
