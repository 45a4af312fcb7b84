package shop.winback.review.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import shop.winback.review.service.CaptureLine;

/**
 * Turns a capture away before its body is read when the capture line could not take even one more
 * review now (full, or more work waiting than it may wait for): 503 with Retry-After, and an overloaded
 * service spends nothing on parsing and validating what it would refuse anyway. Once the body is read,
 * a batch is checked again for its own size.
 */
public class CaptureAdmission {

    private final CaptureLine line;

    public CaptureAdmission(CaptureLine line) {
        this.line = line;
    }

    /** On the I/O thread with the other non-blocking filters, which come first: a look at the line's counters, never a wait. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER - 1)
    public void admit(ResourceInfo resource) {
        if (resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(WaitsInCaptureLine.class)) {
            line.requireRoom(1);
        }
    }
}
