package shop.winback.ticket.settings;

import java.time.LocalTime;

/** A shift's local hours; an end at or before the start runs past midnight (18:00–00:00, 22:00–06:00). */
public record ShiftHours(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime t) {
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }
}
