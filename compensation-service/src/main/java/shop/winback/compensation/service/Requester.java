package shop.winback.compensation.service;

import shop.winback.compensation.domain.Tier;

/** Who asks for (or decides on) a compensation: the agent id (or principal name) and the tier it acts with. */
public record Requester(String id, Tier tier) {}
