package shop.winback.logistics.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code param} of a Kuaidi100 subscription push (订阅推送): {@code status} polling / shutdown /
 * abort / updateall, {@code message}, {@code autoCheck}, {@code comOld}/{@code comNew} when Kuaidi100
 * corrected the company code, and {@code lastResult}, the full trace, newest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Kuaidi100Push(
        String status,
        String billstatus,
        String message,
        String autoCheck,
        String comOld,
        String comNew,
        Kuaidi100Result lastResult) {}
