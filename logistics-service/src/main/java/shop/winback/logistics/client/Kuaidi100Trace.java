package shop.winback.logistics.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of Kuaidi100's {@code data} array, in pushes and query answers alike: {@code time} and
 * {@code ftime} ("2026-11-21 08:00:00", China time), {@code context} (the text of the scan),
 * {@code areaName} (the station's area, with resultv2=1), {@code status} (在途, 揽收, 签收 …) and
 * {@code statusCode}. {@code weight} (kg, e.g. "0.90") is not in Kuaidi100's documented fields: it is
 * where a courier that reports weights (PDD's check-weight data, a courier's own feed) puts them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Kuaidi100Trace(
        String time, String ftime, String context, String areaName, String status, String statusCode, String weight) {}
