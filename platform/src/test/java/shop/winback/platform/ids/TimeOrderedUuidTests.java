package shop.winback.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTests {

    @Test
    void isAVersion7UuidOfTheRfcVariant() {
        UUID id = TimeOrderedUuid.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void carriesItsMillisecondInTheFirst48Bits() {
        long now = System.currentTimeMillis();
        assertThat(TimeOrderedUuid.at(now).getMostSignificantBits() >>> 16).isEqualTo(now);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        long now = System.currentTimeMillis();
        UUID earlier = TimeOrderedUuid.at(now);
        UUID later = TimeOrderedUuid.at(now + 1);
        // as PostgreSQL compares uuids: byte by byte, unsigned
        assertThat(later.toString().compareTo(earlier.toString())).isPositive();
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        long now = System.currentTimeMillis();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedUuid.at(now));
        }
        assertThat(ids).hasSize(100_000);
    }
}
