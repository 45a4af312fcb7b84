package shop.winback.compensation.service;

import java.util.List;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;

/**
 * 422: a request's figures disagree with what the order's reviews said (or ask for more than the
 * order), naming each field. Nothing was changed.
 */
public class FactsDisagreeProblem extends InvalidRequestProblem {

    public static final String TYPE = "urn:winback:problem:facts-disagree";

    public FactsDisagreeProblem(List<Problem.Violation> violations) {
        super(violations);
    }

    public FactsDisagreeProblem(String field, String message) {
        super(field, message);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Disagrees with the order's facts";
    }
}
