namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// A Section Entry (El Torito 1.0 2.4, table 4): one more boot image, here with no selection criteria. Its
/// first 12 bytes have the Initial/Default Entry's fields (table 2), so it is written as one.
/// </summary>
internal static class SectionEntry
{
    internal static class FieldLocations
    {
        public const int SelectionCriteriaType = 12;
    }

    public static void WriteTo(Span<byte> entry, ushort sectorCount, uint loadBlock) => InitialEntry.WriteTo(entry, sectorCount, loadBlock);
}
