using System.Globalization;

namespace DiscMastering.Imapi.Media;

/// <summary>How much a kind of media holds, in 2048-byte blocks.</summary>
public static class MediaCapacity
{
    /// <summary>
    /// Data capacities of common media: CD 74/80 minutes at 75 sectors a second (Redbook, mode 1 data);
    /// DVD±R 4.7 GB and 8.5 GB and BD-R 25 GB as their recorders report them (MMC READ CAPACITY of blank media).
    /// </summary>
    private static readonly Dictionary<string, long> s_named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cd74"] = 74 * 60 * 75,
        ["cd80"] = 80 * 60 * 75,
        ["dvd5"] = 2_295_104,
        ["dvd9"] = 4_173_824,
        ["dl"] = 4_173_824,
        ["bd25"] = 12_219_392,
    };

    /// <summary>
    /// Parses a media name (cd74, cd80, dvd5, dvd9, dl, bd25) or a size: a number of bytes with an optional
    /// binary unit K, M, G, T (also KiB, MiB, KB, MB...: always powers of 1024). Returns the capacity in blocks.
    /// </summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (s_named.TryGetValue(text.Trim(), out var blocks))
        {
            return blocks;
        }

        var trimmed = text.Trim();
        var digits = 0;
        while (digits < trimmed.Length && (char.IsAsciiDigit(trimmed[digits]) || trimmed[digits] == '.'))
        {
            digits++;
        }

        var unit = trimmed[digits..].Trim().ToUpperInvariant();
        long? multiplier = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => null,
        };
        if (digits == 0 || multiplier is null
            || !decimal.TryParse(trimmed[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number <= 0 || number * multiplier.Value > long.MaxValue / 2)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidMedia,
                $"the media '{text}' is not understood; use one of {string.Join(", ", s_named.Keys)} or a size such as 64M or 4.7G.");
        }

        return (long)(number * multiplier.Value) / 2048;
    }
}
