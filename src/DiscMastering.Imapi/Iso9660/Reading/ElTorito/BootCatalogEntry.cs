namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>The 32-byte entries of an El Torito boot catalog (El Torito 1.0 figures 2 to 6), by where their fields lie.</summary>
internal static class BootCatalogEntry
{
    public const int Size = 32;

    /// <summary>Figure 2: the validation entry, the catalog's first.</summary>
    internal static class Validation
    {
        public const int HeaderId = 0;
        public const int Platform = HeaderId + 1;
        public const int IdString = Platform + 3;
        public const int IdStringLength = 24;
        public const int Checksum = IdString + IdStringLength;
        public const int KeyBytes = Checksum + 2;

        public const byte HeaderIdValue = 0x01;
    }

    /// <summary>Figures 3 and 5: the initial/default entry and the section entries share their first 12 bytes.</summary>
    internal static class Boot
    {
        public const int Indicator = 0;
        public const int MediaType = Indicator + 1;
        public const int LoadSegment = MediaType + 1;
        public const int SystemType = LoadSegment + 2;
        public const int SectorCount = SystemType + 2;
        public const int LoadBlock = SectorCount + 2;

        public const byte Bootable = 0x88;
        public const byte NotBootable = 0x00;

        /// <summary>The media type's low 4 bits are the emulation; bit 5 says an extension entry follows (figure 5).</summary>
        public const byte EmulationMask = 0x0F;
        public const byte ExtensionFollows = 0x20;
    }

    /// <summary>Figure 4: a section header.</summary>
    internal static class SectionHeader
    {
        public const int Indicator = 0;
        public const int Platform = Indicator + 1;
        public const int EntryCount = Platform + 1;

        public const byte MoreFollow = 0x90;
        public const byte Final = 0x91;
    }

    /// <summary>Figure 6: a section entry extension; bit 5 of its flags says another one follows.</summary>
    internal static class Extension
    {
        public const int Indicator = 0;
        public const int Flags = Indicator + 1;

        public const byte IndicatorValue = 0x44;
    }
}
