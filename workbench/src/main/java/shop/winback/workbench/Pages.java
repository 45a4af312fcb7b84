package shop.winback.workbench;

import io.quarkus.qute.TemplateInstance;

/** What every page gets: the user's language for the message bundle. */
final class Pages {

    private Pages() {}

    static TemplateInstance localized(TemplateInstance page, Session session) {
        return page.setAttribute("locale", session.locale());
    }
}
