package shop.winback.logistics.postage;

/** A price in fen: the first kilo, and each further kilo or part of one. */
public record Rate(long firstKiloFen, long extraKiloFen) {

    public long totalFen(int weightGrams) {
        int extraKilos = Math.max(0, (weightGrams - 1) / 1000); // 1–1000 g: none; 1001–2000 g: one …
        return firstKiloFen + extraKilos * extraKiloFen;
    }
}
