package shop.winback.logistics.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A parcel's state as Kuaidi100 reports it: the query answer, or a push's {@code lastResult}.
 * {@code state}: 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投 …; {@code data} newest first.
 * A failed query carries {@code result=false}, {@code returnCode} and {@code message} instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Kuaidi100Result(
        String message,
        String nu,
        String ischeck,
        String com,
        String status,
        String state,
        String condition,
        List<Kuaidi100Trace> data,
        Boolean result,
        String returnCode) {}
