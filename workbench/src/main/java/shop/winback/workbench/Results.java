package shop.winback.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import shop.winback.workbench.Economics.Report;
import shop.winback.workbench.Economics.Row;
import shop.winback.workbench.Upstream.Service;

/**
 * The results page: what recovering neutral and bad reviews cost and won back over a period of local days, per day,
 * per agent and per product, from ticket-service's recovery economics (supervisors and managers; it refuses anyone
 * else, and so does this page, with the supervisor's page's 403). The period is ticket-service's to decide: without
 * one chosen it answers for its last 7 days in the shop's zone, and the form shows those dates.
 */
@Path("/results")
@Produces(MediaType.TEXT_HTML)
public class Results {

    static final String ECONOMICS = "/api/v1/recovery-economics";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(
                User user, Outcomes outcomes, String error, String from, String to, String lang);
    }

    /** The three breakdowns of one period; the per-day one fixes the period the other two are asked for. */
    @TemplateData
    public record Outcomes(Report days, Report agents, Report products) {

        public boolean quiet() {
            return days.total() == null || days.total().quiet();
        }

        public List<Row> perDay() {
            return days.rows() == null ? List.of() : days.rows();
        }

        public List<Row> perAgent() {
            return agents.totals() == null ? List.of() : agents.totals();
        }

        public List<Row> perProduct() {
            return products.totals() == null ? List.of() : products.totals();
        }

        public Chart chart() {
            return Chart.of(perDay());
        }
    }

    private final Session session;
    private final Upstream upstream;

    public Results(Session session, Upstream upstream) {
        this.session = session;
        this.upstream = upstream;
    }

    @GET
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to) {
        User user = session.requireUser();
        if (!user.supervises()) {
            return Supervision.forbidden(user, session, "/results");
        }
        Outcomes outcomes;
        try {
            Report days = report(user, "shop", from, to);
            String period = days.from().toString();
            String until = days.to().toString();
            outcomes = new Outcomes(days, report(user, "agent", period, until), report(user, "product", period, until));
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            // the period as the user typed it, and the service's words on it
            return Response.status(e.status)
                    .entity(Pages.localized(
                            Templates.results(user, null, e.message(), blank(from), blank(to), session.lang()),
                            session))
                    .build();
        }
        return Response.ok(Pages.localized(
                        Templates.results(
                                user,
                                outcomes,
                                null,
                                outcomes.days().from().toString(),
                                outcomes.days().to().toString(),
                                session.lang()),
                        session))
                .build();
    }

    private Report report(User user, String by, String from, String to) {
        StringBuilder path = new StringBuilder(ECONOMICS).append("?by=").append(by);
        if (!blank(from).isEmpty()) {
            path.append("&from=").append(URLEncoder.encode(from.strip(), StandardCharsets.UTF_8));
        }
        if (!blank(to).isEmpty()) {
            path.append("&to=").append(URLEncoder.encode(to.strip(), StandardCharsets.UTF_8));
        }
        return upstream.get(Service.TICKET, path.toString(), user, Report.class);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
