package shop.winback.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
 * For primary keys written at a high rate: ids made close in time sort close together, so each insert
 * lands on the same few B-tree pages instead of a random page of an index larger than the cache (each
 * such page read, dirtied and written in full to the WAL after a checkpoint). Still a UUID to every
 * reader; nothing may be inferred from an id beyond its creation time.
 */
public final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {}

    /** A new id for now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 // 48 bits of time
                | 0x7000L // version 7
                | ((random[0] & 0x0FL) << 8 | random[1] & 0xFFL); // 12 random bits
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | random[i] & 0xFFL;
        }
        low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // variant 10, 62 random bits
        return new UUID(high, low);
    }
}
