using System.Globalization;
using System.Text.Json;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Iso9660.Reading.ElTorito;

namespace DiscMastering.Tool.Commands;

/// <summary>
/// What <c>inspect</c> shows of an image's boot structures: its El Torito catalog and its partition tables.
/// Neither is needed to read the files, so a damaged one is shown as damaged rather than failing the command.
/// </summary>
internal sealed class BootSection
{
    private BootSection(BootRecordInfo? record, BootCatalogInfo? catalog, string? catalogDamage, PartitionTableInfo? partitions, string? partitionDamage)
    {
        Record = record;
        Catalog = catalog;
        CatalogDamage = catalogDamage;
        Partitions = partitions;
        PartitionDamage = partitionDamage;
    }

    public BootRecordInfo? Record { get; }

    public BootCatalogInfo? Catalog { get; }

    public string? CatalogDamage { get; }

    public PartitionTableInfo? Partitions { get; }

    public string? PartitionDamage { get; }

    public static BootSection Read(IsoImageReader reader)
    {
        BootCatalogInfo? catalog = null;
        string? catalogDamage = null;
        try
        {
            catalog = reader.ReadBootCatalog();
        }
        catch (DiscMasteringException e) when (e.Error == DiscMasteringError.DamagedBootCatalog)
        {
            catalogDamage = e.Message;
        }

        PartitionTableInfo? partitions = null;
        string? partitionDamage = null;
        try
        {
            partitions = reader.ReadPartitionTable();
        }
        catch (DiscMasteringException e) when (e.Error == DiscMasteringError.DamagedPartitionTable)
        {
            partitionDamage = e.Message;
        }

        return new BootSection(reader.BootRecord, catalog, catalogDamage, partitions, partitionDamage);
    }

    public void WriteText(TextWriter output)
    {
        if (Record is { } record)
        {
            output.WriteLine(Invariant($"El Torito boot catalog (block {record.CatalogBlock:N0}, boot record at block {record.DescriptorBlock}):"));
            if (CatalogDamage is { } damage)
            {
                output.WriteLine($"  damaged: {damage}");
            }
            else if (Catalog is { } catalog)
            {
                output.WriteLine(Invariant($"  Validation:   platform {BootCatalogEntryInfo.NameOf(catalog.Platform)}, id '{catalog.IdString}', checksum ok"));
                foreach (var entry in catalog.Entries)
                {
                    var where = entry.Section == 0 ? "Default:     " : Invariant($"Section {entry.Section}:   ");
                    var bootInfo = entry.HasBootInfoTable == true ? ", boot-info table" : "";
                    output.WriteLine(Invariant(
                        $"  {where} {entry.PlatformName}, {(entry.Bootable ? "bootable" : "not bootable")}, emulation {entry.EmulationName}, load segment 0x{entry.LoadSegment:X4}, system type 0x{entry.SystemType:X2}, {entry.SectorCount:N0} sectors, image block {entry.ImageBlock:N0}{bootInfo}"));
                }
            }
        }

        if (PartitionDamage is { } partitionDamage)
        {
            output.WriteLine("Partition table:");
            output.WriteLine($"  damaged: {partitionDamage}");
        }

        if (Partitions?.Mbr is { } mbr)
        {
            output.WriteLine(Invariant($"MBR partitions ({mbr.Count}):"));
            foreach (var partition in mbr)
            {
                output.WriteLine(Invariant($"  {partition.Index}: type 0x{partition.Type:X2}{(partition.IsActive ? ", active" : "")}, start sector {partition.StartLba:N0}, {partition.Sectors:N0} sectors"));
            }
        }

        if (Partitions?.Gpt is { } gpt)
        {
            output.WriteLine(Invariant(
                $"GPT (header at sector {gpt.HeaderLba}, header CRC {Ok(gpt.HeaderCrcValid)}, entries CRC {Ok(gpt.EntriesCrcValid)}, {gpt.EntryCount:N0} entries of {gpt.EntrySize:N0} bytes at sector {gpt.EntriesLba:N0}, usable sectors {gpt.FirstUsableLba:N0} to {gpt.LastUsableLba:N0}, backup at sector {gpt.AlternateLba:N0}, disk {gpt.DiskGuid}):"));
            foreach (var partition in gpt.Partitions)
            {
                var type = partition.TypeName is { } name ? $"{name} ({partition.Type})" : partition.Type.ToString();
                output.WriteLine(Invariant($"  {partition.Index}: {type}, sectors {partition.FirstLba:N0} to {partition.LastLba:N0}, name '{partition.Name}', id {partition.Id}"));
            }

            if (gpt.UnlistedPartitions > 0)
            {
                output.WriteLine(Invariant($"  ... and {gpt.UnlistedPartitions:N0} more"));
            }
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        if (Record is not { } record)
        {
            json.WriteNull("elTorito");
        }
        else
        {
            json.WriteStartObject("elTorito");
            json.WriteNumber("descriptorBlock", record.DescriptorBlock);
            json.WriteNumber("catalogBlock", record.CatalogBlock);
            json.WriteString("damaged", CatalogDamage);
            if (Catalog is { } catalog)
            {
                json.WriteString("platform", BootCatalogEntryInfo.NameOf(catalog.Platform));
                json.WriteNumber("platformId", catalog.Platform);
                json.WriteString("idString", catalog.IdString);
            }

            json.WriteStartArray("entries");
            foreach (var entry in Catalog?.Entries ?? [])
            {
                json.WriteStartObject();
                json.WriteNumber("section", entry.Section);
                json.WriteString("platform", entry.PlatformName);
                json.WriteNumber("platformId", entry.Platform);
                json.WriteBoolean("bootable", entry.Bootable);
                json.WriteString("emulation", entry.EmulationName);
                json.WriteNumber("loadSegment", entry.LoadSegment);
                json.WriteNumber("systemType", entry.SystemType);
                json.WriteNumber("sectorCount", entry.SectorCount);
                json.WriteNumber("imageBlock", entry.ImageBlock);
                if (entry.HasBootInfoTable is { } bootInfo)
                {
                    json.WriteBoolean("bootInfoTable", bootInfo);
                }
                else
                {
                    json.WriteNull("bootInfoTable");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (Partitions is null && PartitionDamage is null)
        {
            json.WriteNull("partitionTable");
            return;
        }

        json.WriteStartObject("partitionTable");
        json.WriteString("damaged", PartitionDamage);
        if (Partitions?.Mbr is { } mbr)
        {
            json.WriteStartArray("mbr");
            foreach (var partition in mbr)
            {
                json.WriteStartObject();
                json.WriteNumber("index", partition.Index);
                json.WriteNumber("status", partition.Status);
                json.WriteBoolean("active", partition.IsActive);
                json.WriteNumber("type", partition.Type);
                json.WriteNumber("startLba", partition.StartLba);
                json.WriteNumber("sectors", partition.Sectors);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("mbr");
        }

        if (Partitions?.Gpt is { } gpt)
        {
            json.WriteStartObject("gpt");
            json.WriteNumber("headerLba", gpt.HeaderLba);
            json.WriteNumber("revision", gpt.Revision);
            json.WriteNumber("headerSize", gpt.HeaderSize);
            json.WriteBoolean("headerCrcValid", gpt.HeaderCrcValid);
            json.WriteNumber("myLba", gpt.MyLba);
            json.WriteNumber("alternateLba", gpt.AlternateLba);
            json.WriteNumber("firstUsableLba", gpt.FirstUsableLba);
            json.WriteNumber("lastUsableLba", gpt.LastUsableLba);
            json.WriteString("diskGuid", gpt.DiskGuid.ToString());
            json.WriteNumber("entriesLba", gpt.EntriesLba);
            json.WriteNumber("entryCount", gpt.EntryCount);
            json.WriteNumber("entrySize", gpt.EntrySize);
            json.WriteBoolean("entriesCrcValid", gpt.EntriesCrcValid);
            json.WriteNumber("unlistedPartitions", gpt.UnlistedPartitions);
            json.WriteStartArray("partitions");
            foreach (var partition in gpt.Partitions)
            {
                json.WriteStartObject();
                json.WriteNumber("index", partition.Index);
                json.WriteString("type", partition.Type.ToString());
                json.WriteString("typeName", partition.TypeName);
                json.WriteString("guid", partition.Id.ToString());
                json.WriteNumber("firstLba", partition.FirstLba);
                json.WriteNumber("lastLba", partition.LastLba);
                json.WriteNumber("attributes", partition.Attributes);
                json.WriteString("name", partition.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("gpt");
        }

        json.WriteEndObject();
    }

    private static string Ok(bool valid) => valid ? "ok" : "MISMATCH";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
