package shop.winback.platform.problem;

import java.util.List;

/** A request rejected at the edge; carries the offending fields. Nothing was changed. */
public class InvalidRequestProblem extends ProblemException {

    public static final String TYPE = "urn:winback:problem:invalid-request";

    private final List<Problem.Violation> violations;

    public InvalidRequestProblem(List<Problem.Violation> violations) {
        super(400, TYPE, "Invalid request", summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestProblem(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    static String summary(List<Problem.Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Problem.Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }
}
