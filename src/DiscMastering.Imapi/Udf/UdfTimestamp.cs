using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The 12-byte timestamp of ECMA-167 1/7.3: type 1 (local time) with the offset from UTC in minutes, as
/// UDF 1.02 2.1.4 requires. Years run from 1 to 9999.
/// </summary>
internal static class UdfTimestamp
{
    public const int Length = 12;

    /// <summary>"Time zone not specified" (1/7.3.1).</summary>
    private const int NoTimeZone = -2047;

    /// <summary>Type 1: the time is local time at the recorded offset (1/7.3.1).</summary>
    private const int LocalTimeType = 1;

    internal static class FieldLocations
    {
        public const int TypeAndTimeZone = 0;
        public const int Year = 2;
        public const int Month = 4;
        public const int Day = 5;
        public const int Hour = 6;
        public const int Minute = 7;
        public const int Second = 8;
        public const int Centiseconds = 9;
        public const int HundredsOfMicroseconds = 10;
        public const int Microseconds = 11;
    }

    /// <summary>Writes <paramref name="value"/> as its own local time and offset, to the microsecond.</summary>
    public static void Write(Span<byte> destination, DateTimeOffset value)
    {
        var offsetMinutes = (int)Math.Round(value.Offset.TotalMinutes);
        var local = value.DateTime;
        var microseconds = (int)(local.Ticks % TimeSpan.TicksPerSecond / 10);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.TypeAndTimeZone..], (ushort)((LocalTimeType << 12) | (offsetMinutes & 0xFFF)));
        BinaryPrimitives.WriteInt16LittleEndian(destination[FieldLocations.Year..], (short)local.Year);
        destination[FieldLocations.Month] = (byte)local.Month;
        destination[FieldLocations.Day] = (byte)local.Day;
        destination[FieldLocations.Hour] = (byte)local.Hour;
        destination[FieldLocations.Minute] = (byte)local.Minute;
        destination[FieldLocations.Second] = (byte)local.Second;
        destination[FieldLocations.Centiseconds] = (byte)(microseconds / 10_000);
        destination[FieldLocations.HundredsOfMicroseconds] = (byte)(microseconds / 100 % 100);
        destination[FieldLocations.Microseconds] = (byte)(microseconds % 100);
    }

    /// <summary>Reads a timestamp; null when its fields cannot be a date. No time zone is read as UTC.</summary>
    public static DateTimeOffset? Read(ReadOnlySpan<byte> source)
    {
        var typeAndZone = BinaryPrimitives.ReadUInt16LittleEndian(source[FieldLocations.TypeAndTimeZone..]);
        var zone = typeAndZone & 0xFFF;
        var minutes = zone >= 0x800 ? zone - 0x1000 : zone;
        if (minutes == NoTimeZone || minutes is < -1440 or > 1440 || (typeAndZone >> 12) != LocalTimeType)
        {
            minutes = 0;
        }

        int year = BinaryPrimitives.ReadInt16LittleEndian(source[FieldLocations.Year..]);
        int month = source[FieldLocations.Month], day = source[FieldLocations.Day];
        int hour = source[FieldLocations.Hour], minute = source[FieldLocations.Minute], second = source[FieldLocations.Second];
        var microseconds = (source[FieldLocations.Centiseconds] * 10_000) + (source[FieldLocations.HundredsOfMicroseconds] * 100) + source[FieldLocations.Microseconds];
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || microseconds >= 1_000_000)
        {
            return null;
        }

        try
        {
            var local = new DateTime(year, month, day, hour, minute, second).AddTicks(microseconds * 10L);
            return new DateTimeOffset(local, TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
