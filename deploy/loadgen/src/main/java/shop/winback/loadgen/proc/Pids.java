package shop.winback.loadgen.proc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The processes the bench measures, by role: {@code --pids review=123,ticket=456,ticket2=789,postgres=42,kafka=77}.
 * A key is a role name with an optional number after it (ticket, ticket2, …): several pids of one role are summed
 * (every ticket-service instance). A value that is empty or "n/a" is left out: that role's figures say n/a.
 */
public final class Pids {

    public enum Role {
        REVIEW,
        TICKET,
        COMPENSATION,
        LOGISTICS,
        POSTGRES,
        KAFKA,
        BARE,
        LOADGEN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Role, List<Long>> byRole;

    private Pids(Map<Role, List<Long>> byRole) {
        this.byRole = byRole;
    }

    public static Pids none() {
        return new Pids(new EnumMap<>(Role.class));
    }

    /**
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Pids parse(String spec) {
        Map<Role, List<Long>> byRole = new EnumMap<>(Role.class);
        if (spec == null || spec.isBlank()) {
            return new Pids(byRole);
        }
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected role=pid, got '" + p + "'");
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            String roleName = key.replaceAll("[0-9]+$", "");
            Role role;
            try {
                role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown role '" + key + "' (review, ticket, compensation, logistics, "
                                + "postgres, kafka, bare, loadgen; a number may follow: ticket2)");
            }
            if (value.isEmpty() || value.equalsIgnoreCase("n/a")) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pid of " + key + " is not a number: '" + value + "'");
            }
            if (pid <= 0) {
                throw new IllegalArgumentException("pid of " + key + " must be positive: " + value);
            }
            byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(pid);
        }
        return new Pids(byRole);
    }

    /** The pids of a role; empty when none was given. */
    public List<Long> of(Role role) {
        return List.copyOf(byRole.getOrDefault(role, List.of()));
    }

    public boolean has(Role role) {
        return !of(role).isEmpty();
    }

    /** A copy with the role's pids replaced (a service restarted under a new pid). */
    public Pids with(Role role, List<Long> pids) {
        Map<Role, List<Long>> copy = new EnumMap<>(Role.class);
        byRole.forEach((r, list) -> copy.put(r, List.copyOf(list)));
        if (pids.isEmpty()) {
            copy.remove(role);
        } else {
            copy.put(role, List.copyOf(pids));
        }
        return new Pids(copy);
    }

    /** Back in the --pids form. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        byRole.forEach((role, list) -> {
            for (int i = 0; i < list.size(); i++) {
                j.add(role.key() + (i == 0 ? "" : Integer.toString(i + 1)) + "=" + list.get(i));
            }
        });
        return j.toString();
    }
}
