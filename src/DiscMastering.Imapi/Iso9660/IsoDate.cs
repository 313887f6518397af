using System.Globalization;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>The two date formats of ECMA-119: 7 bytes in directory records (9.1.5), 17 characters in volume descriptors (8.4.26.1).</summary>
internal static class IsoDate
{
    public const int RecordingDateLength = 7;
    public const int VolumeDateLength = 17;

    /// <summary>Writes a directory record date; times are recorded in UTC (offset 0).</summary>
    public static void WriteRecordingDate(Span<byte> destination, DateTimeOffset value)
    {
        var utc = Clamp(value).UtcDateTime;
        destination[0] = (byte)(utc.Year - 1900);
        destination[1] = (byte)utc.Month;
        destination[2] = (byte)utc.Day;
        destination[3] = (byte)utc.Hour;
        destination[4] = (byte)utc.Minute;
        destination[5] = (byte)utc.Second;
        destination[6] = 0;
    }

    /// <summary>Writes "YYYYMMDDHHMMSScc" plus the offset byte; null writes the "not specified" form.</summary>
    public static void WriteVolumeDate(Span<byte> destination, DateTimeOffset? value)
    {
        if (value is null)
        {
            destination[..16].Fill((byte)'0');
            destination[16] = 0;
            return;
        }

        var utc = Clamp(value.Value).UtcDateTime;
        var text = utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (utc.Millisecond / 10).ToString("00", CultureInfo.InvariantCulture);
        for (var i = 0; i < 16; i++)
        {
            destination[i] = (byte)text[i];
        }

        destination[16] = 0;
    }

    public static DateTimeOffset ReadRecordingDate(ReadOnlySpan<byte> source)
    {
        if (source[1] is < 1 or > 12 || source[2] is < 1 or > 31)
        {
            return DateTimeOffset.UnixEpoch;
        }

        var offset = TimeSpan.FromMinutes(15 * (sbyte)source[6]);
        return new DateTimeOffset(1900 + source[0], source[1], source[2], source[3], source[4], source[5], offset);
    }

    public static DateTimeOffset? ReadVolumeDate(ReadOnlySpan<byte> source)
    {
        Span<char> text = stackalloc char[14];
        for (var i = 0; i < 14; i++)
        {
            text[i] = (char)source[i];
        }

        if (!DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, TimeSpan.FromMinutes(15 * (sbyte)source[16]));
    }

    /// <summary>A recording date can hold years 1900-2155.</summary>
    private static DateTimeOffset Clamp(DateTimeOffset value)
    {
        var min = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var max = new DateTimeOffset(2155, 12, 31, 23, 59, 59, TimeSpan.Zero);
        return value < min ? min : value > max ? max : value;
    }
}
