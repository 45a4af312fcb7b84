package shop.winback.ticket.domain;

/** Which of the shop's shifts an agent works; off shift, an agent gets no new tickets. */
public enum Shift {
    /** The day shift (default 09:00–18:00 shop time). */
    DAY,
    /** 晚班, the night shift (default 18:00–24:00); what it leaves open is handed over in the morning. */
    NIGHT,
    /** Not bound to a shift (e.g. the owner, or an agent on call): always on shift. */
    ANY
}
