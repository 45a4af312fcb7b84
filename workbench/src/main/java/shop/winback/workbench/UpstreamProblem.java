package shop.winback.workbench;

/** A service said no (problem+json) or could not be reached; shown to the user as the service put it. */
public class UpstreamProblem extends RuntimeException {

    public final int status;
    public final String title;
    public final String detail;

    public UpstreamProblem(int status, String title, String detail) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** What the page says: the service's detail, else its title. */
    public String message() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title == null ? "HTTP " + status : title;
    }
}
