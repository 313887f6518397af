namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>Where the fields of the MBR and the GPT lie (UEFI 2.10 5.2.1 and 5.3), in sectors of 512 bytes.</summary>
internal static class PartitionLayout
{
    public const int SectorSize = 512;

    /// <summary>UEFI 2.10 5.2.1 table 5.2: four 16-byte partition records at byte 446, the signature 55 AA at 510.</summary>
    internal static class Mbr
    {
        public const int PartitionRecords = 446;
        public const int PartitionRecordSize = 16;
        public const int Signature = PartitionRecords + 4 * PartitionRecordSize;

        /// <summary>Table 5.3: one partition record.</summary>
        public const int Status = 0;
        public const int Type = Status + 4;
        public const int StartLba = Type + 4;
        public const int Sectors = StartLba + 4;

        /// <summary>UEFI 2.10 5.2.3: the protective MBR's partition type.</summary>
        public const byte ProtectiveType = 0xEE;
    }

    /// <summary>UEFI 2.10 5.3.2 table 5.21: the GPT header.</summary>
    internal static class Header
    {
        public const int Signature = 0;
        public const int Revision = Signature + 8;
        public const int HeaderSize = Revision + 4;
        public const int HeaderCrc = HeaderSize + 4;
        public const int MyLba = HeaderCrc + 8;
        public const int AlternateLba = MyLba + 8;
        public const int FirstUsableLba = AlternateLba + 8;
        public const int LastUsableLba = FirstUsableLba + 8;
        public const int DiskGuid = LastUsableLba + 8;
        public const int EntriesLba = DiskGuid + 16;
        public const int EntryCount = EntriesLba + 8;
        public const int EntrySize = EntryCount + 4;
        public const int EntriesCrc = EntrySize + 4;

        /// <summary>The header of revision 1.0 ends here.</summary>
        public const int MinimumSize = EntriesCrc + 4;
    }

    /// <summary>UEFI 2.10 5.3.3 table 5.22: one partition entry.</summary>
    internal static class Entry
    {
        public const int TypeGuid = 0;
        public const int PartitionGuid = TypeGuid + 16;
        public const int FirstLba = PartitionGuid + 16;
        public const int LastLba = FirstLba + 8;
        public const int Attributes = LastLba + 8;
        public const int Name = Attributes + 8;
        public const int NameLength = 72;

        public const int MinimumSize = Name + NameLength;
    }
}
