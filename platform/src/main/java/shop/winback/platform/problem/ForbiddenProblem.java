package shop.winback.platform.problem;

/** The caller is who they say, but their role or their shop may not do this (403). */
public class ForbiddenProblem extends ProblemException {

    public static final String TYPE = "urn:winback:problem:forbidden";

    /** @param detail what the caller may not do, in their words: "Agents see only their own tickets" */
    public ForbiddenProblem(String detail) {
        super(403, TYPE, "Forbidden", detail);
    }
}
