package shop.winback.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's {@link PersonalData} sealer, from {@code winback.personal-data.key}. */
@ApplicationScoped
public class PersonalDataProducer {

    @Produces
    @Singleton // a plain object, no proxy: the key is read once, at first use
    PersonalData personalData(@ConfigProperty(name = "winback.personal-data.key") String key) {
        return new PersonalData(key);
    }
}
