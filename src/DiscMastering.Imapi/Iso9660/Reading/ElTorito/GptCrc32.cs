namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>The CRC-32 GPT headers and entry arrays carry (UEFI 2.10 5.3.2: ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320).</summary>
internal static class GptCrc32
{
    private static readonly uint[] s_table = CreateTable();

    /// <summary>The running value to start with; <see cref="Finish"/> turns the last running value into the CRC.</summary>
    public const uint Start = 0xFFFFFFFF;

    public static uint Append(uint running, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            running = s_table[(running ^ b) & 0xFF] ^ (running >> 8);
        }

        return running;
    }

    public static uint Finish(uint running) => ~running;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0xEDB88320 ^ (value >> 1) : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
