package tochka.acquiring.bench;

/**
 * One measured wrk run of one round: the load's numbers and the CPU its server used meanwhile (from /proc, so the
 * server's own work only, not wrk's).
 */
public record Measurement(
        int round,
        String scenario,
        int connections,
        Target target,
        WrkResult wrk,
        double requestsPerSecond,
        double flowsPerSecond,
        double cpuMsPerRequest,
        double coresUsed) {

    /** Who answered a run. */
    public enum Target {
        OURS("ours"),
        WIREMOCK("WireMock"),
        WIREMOCK_NO_JOURNAL("WireMock --no-request-journal"),
        HEALTH("ours /health");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The throughput a table shows: complete flows per second for the flow scenario, else requests per second. */
    double throughput() {
        return scenario.equals("flow") && target == Target.OURS ? flowsPerSecond : requestsPerSecond;
    }
}
