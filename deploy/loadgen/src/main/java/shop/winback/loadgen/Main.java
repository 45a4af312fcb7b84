package shop.winback.loadgen;

/** Entry point of deploy/bench. Exit codes: 0 ran, 1 setup failure, 2 bad command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** deploy/bench calls this first, so a typo fails before a stack is started for nothing. */
    static final String CHECK_ONLY = "--check-options";

    static int run(String[] args) {
        boolean checkOnly = args.length > 0 && args[0].equals(CHECK_ONLY);
        if (checkOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        Options options;
        try {
            Options.Parsed parsed = Options.parse(args, System.getenv());
            if (checkOnly) {
                return 0;
            }
            if (parsed instanceof Options.Help) {
                System.out.print(Options.USAGE);
                return 0;
            }
            options = ((Options.Run) parsed).options();
        } catch (Options.UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("bench: see deploy/bench --help");
            return 2;
        }
        try {
            switch (options.modes().mode()) {
                case NORMAL -> new Bench(options).run();
                case FOOTPRINT -> new FootprintMode(options).run();
                case BACKLOG -> new BacklogMode(options).run();
                case HISTORY -> new HistoryMode(options).run();
                case SCALE -> new ScaleMode(options).run();
            }
            return 0;
        } catch (SetupException e) {
            System.err.println("bench: setup failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("bench: interrupted");
            return 1;
        } catch (RuntimeException e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
