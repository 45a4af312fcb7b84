package shop.winback.platform.problem;

/** The request is well-formed but conflicts with the resource's current state. */
public class ConflictProblem extends ProblemException {
    public ConflictProblem(String slug, String title, String detail) {
        super(409, "urn:winback:problem:" + slug, title, detail);
    }
}
