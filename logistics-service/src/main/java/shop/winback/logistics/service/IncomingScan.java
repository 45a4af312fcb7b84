package shop.winback.logistics.service;

import java.time.Instant;
import shop.winback.logistics.domain.ScanStatus;

/** A scan as a courier reports it, before it is stored. */
public record IncomingScan(
        String station, Instant scannedAt, ScanStatus status, Integer weightGrams, String description) {}
