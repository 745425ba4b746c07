package dev.evalgap;

/** The version of evalgap that is running, as recorded in results and workspaces. */
public final class EvalgapVersion {
    private EvalgapVersion() {
    }

    public static String get() {
        String v = EvalgapVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
