package shop.winback.logistics.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads what Kuaidi100 sends (pushes and query answers) as Jackson does by default: its format is
 * theirs, not our contract, so the strict rules our own endpoints apply (platform StrictJson: no
 * unknown fields, no number where text belongs) would only turn their changes into lost scans.
 */
public final class Kuaidi100Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Kuaidi100Json() {}
}
