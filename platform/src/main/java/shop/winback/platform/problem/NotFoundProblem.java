package shop.winback.platform.problem;

/** The addressed resource does not exist (or is not visible to the caller). */
public class NotFoundProblem extends ProblemException {
    public NotFoundProblem(String what, Object id) {
        super(404, "urn:winback:problem:not-found", what + " not found", what + " " + id + " does not exist");
    }
}
