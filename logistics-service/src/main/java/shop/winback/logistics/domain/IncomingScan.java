package shop.winback.logistics.domain;

import java.time.Instant;

/** A scan as a courier reports it, before it is stored. */
public record IncomingScan(
        String station, Instant scannedAt, ScanStatus status, Integer weightGrams, String description) {}
