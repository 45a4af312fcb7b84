package shop.winback.platform.privacy;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log lines leave the service too (to whoever reads the logs): a phone number, ID-card number or street address
 * in a message, typed by a buyer or an agent and logged with it, is masked as in events
 * ({@link PersonalData#maskFreeText}). Installed on the console handler by the platform's config. Stack traces
 * are left as they are.
 */
@LoggingFilter(name = PersonalDataLogFilter.NAME)
public final class PersonalDataLogFilter implements Filter {

    public static final String NAME = "personal-data";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord line && line.getMessage() != null) {
            String formatted = line.getFormattedMessage();
            String masked = PersonalData.maskFreeText(formatted);
            if (!masked.equals(formatted)) {
                line.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                line.setParameters(null);
            }
        }
        return true;
    }
}
