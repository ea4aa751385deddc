package io.crossbill.ui.parts;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** The words the About dialog shows; kept apart from the dialog so a test can read them. */
public final class Versions {

	private Versions() {
	}

	/** The product version as users quote it: major.minor.micro, then the build qualifier. */
	public static String productVersion(Bundle bundle) {
		Version v = bundle.getVersion();
		String base = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
		return v.getQualifier().isEmpty() ? base : base + " (build " + v.getQualifier() + ")";
	}

	public static String aboutText(Bundle bundle) {
		return "Crossbill " + productVersion(bundle) + "\n\n"
				+ "The integration console that keeps CRM, PSA and ERP in step.\n\n"
				+ "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
				+ "Workspace: " + StatusLine.workspaceFolder();
	}
}
