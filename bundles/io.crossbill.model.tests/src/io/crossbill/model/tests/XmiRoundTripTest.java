package io.crossbill.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.crossbill.model.Contract;
import io.crossbill.model.ModelPackage;
import io.crossbill.model.TimeEntry;

/** Records saved as XMI (local snapshots, golden samples) come back exactly as they were. */
class XmiRoundTripTest {

	@TempDir
	Path folder;

	@Test
	void savedRecordsLoadBackEqual() throws IOException {
		List<EObject> records = SampleRecords.all();
		URI uri = URI.createFileURI(folder.resolve("records.xmi").toString());

		Resource saved = newResourceSet().createResource(uri);
		saved.getContents().addAll(records);
		saved.save(Map.of());
		assertTrue(Files.readString(folder.resolve("records.xmi")).contains("DE123456789"));

		Resource loaded = newResourceSet().getResource(uri, true);
		assertEquals(records.size(), loaded.getContents().size());
		assertTrue(EcoreUtil.equals(SampleRecords.all(), loaded.getContents()),
				"loaded records differ from the saved ones");

		Contract contract = (Contract) loaded.getContents().get(1);
		assertEquals(new BigDecimal("1234.50"), contract.getValue());
		assertEquals(LocalDate.of(2025, 4, 15), contract.getMilestones().get(0).getDueDate());
		assertEquals(new BigDecimal("7.25"), ((TimeEntry) loaded.getContents().get(2)).getHours());
	}

	private static ResourceSet newResourceSet() {
		ResourceSet resourceSet = new ResourceSetImpl();
		// explicit, so the test reads the same inside OSGi (plugin.xml registration) and on a plain class path
		resourceSet.getPackageRegistry().put(ModelPackage.eNS_URI, ModelPackage.eINSTANCE);
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		return resourceSet;
	}
}
