namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The descriptor CRC of ECMA-167 3/7.2.6: CRC-ITU-T (CCITT) with generator x^16 + x^12 + x^5 + 1
/// (0x1021), initial value 0, most significant bit first, no final inversion.
/// </summary>
internal static class Crc16Itu
{
    private static readonly ushort[] s_table = CreateTable();

    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc = (ushort)((crc << 8) ^ s_table[(byte)((crc >> 8) ^ b)]);
        }

        return crc;
    }

    private static ushort[] CreateTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                value = (ushort)((value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1);
            }

            table[i] = value;
        }

        return table;
    }
}
