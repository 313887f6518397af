using System.Buffers;
using System.Diagnostics;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660.RockRidge;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Renders everything before the first file's data (blocks 0 to <see cref="DiscLayout.FirstFileBlock"/>):
/// the System Area, the volume descriptors, UDF's structures in a bridge image, the path tables, the
/// directories of both namespaces and the primary tree's Rock Ridge continuation areas.
/// </summary>
internal static class MetadataWriter
{
    /// <summary>Bytes of the metadata region: the offset of the first file's data.</summary>
    public static long Length(DiscLayout layout) => (long)layout.FirstFileBlock * IsoConstants.BlockSize;

    /// <summary>
    /// Where UDF's file system region lies in the metadata region, in bytes; (0, 0) without UDF. A sink that
    /// serves any offset renders it on demand (<see cref="Udf.UdfWriter.WriteFileSystemBlocks"/>) rather than hold it:
    /// it takes a block per file.
    /// </summary>
    public static (long Start, long End) UdfFileSystemRange(DiscLayout layout) =>
        layout.Udf is { } udf ? ((long)udf.FileSystemBlock * IsoConstants.BlockSize, (long)udf.FileSystemEnd * IsoConstants.BlockSize) : (0, 0);

    /// <summary>
    /// Writes the metadata region of <paramref name="layout"/> to <paramref name="output"/>, block by block in
    /// order; a layout with Rock Ridge needs the <paramref name="modes"/> resolved for its tree, and a bootable one
    /// its <paramref name="boot"/> content, read by <see cref="BootContent.Read"/>.
    /// </summary>
    public static void Write(DiscLayout layout, MasteringOptions options, IMetadataOutput output, PosixModes? modes, BootContent? boot = null)
    {
        if (layout.Boot is not null && boot is null)
        {
            throw new InvalidOperationException("a bootable layout is written with the boot content read for it.");
        }

        if (layout.Primary.HasRockRidge != modes is not null)
        {
            throw new InvalidOperationException("a layout with Rock Ridge is written with the modes resolved for it, and one without, without.");
        }

        var systemArea = output.Blocks(IsoConstants.SystemAreaBlocks);
        layout.Boot?.Hybrid?.WriteSystemArea(systemArea, boot!.MbrCode);
        WriteVolumeDescriptor(layout, options, layout.Primary, output);
        if (layout.Boot is { } bootLayout)
        {
            BootRecordVolumeDescriptor.WriteTo(output.Blocks(1), bootLayout.CatalogBlock);
        }

        WriteVolumeDescriptor(layout, options, layout.Joliet, output);
        VolumeDescriptor.WriteSetTerminator(output.Blocks(1));
        if (layout.Udf is not null)
        {
            WriteUdf(layout, options, output);
        }

        if (layout.Boot is { } catalog)
        {
            BootCatalog.WriteTo(output.Blocks(1), catalog.Images);
        }

        foreach (var space in new[] { layout.Primary, layout.Joliet })
        {
            WritePathTable(space, bigEndian: false, output);
            WritePathTable(space, bigEndian: true, output);
        }

        foreach (var space in new[] { layout.Primary, layout.Joliet })
        {
            foreach (var directory in space.InPathTableOrder)
            {
                WriteDirectory(layout, space, directory, modes, output);
            }

            if (modes is not null)
            {
                ContinuationAreaWriter.Write(space, modes, output);
            }
        }
    }

    /// <summary>
    /// UDF's structures before the path tables: the recognition sequence, the volume descriptors, zeros up to
    /// the anchor at block 256, the anchor, then the file system region.
    /// </summary>
    private static void WriteUdf(DiscLayout layout, MasteringOptions options, IMetadataOutput output)
    {
        var udf = layout.Udf!;
        var writer = layout.CreateUdfWriter(options);
        writer.WriteVolumeRecognition(output.Blocks(UdfLayout.RecognitionBlocks));
        writer.WriteVolumeDescriptors(output.Blocks(UdfLayout.VolumeDescriptorBlocks));
        var gap = (int)(UdfConstants.AnchorBlock - udf.DescriptorBlock - UdfLayout.VolumeDescriptorBlocks);
        if (gap > 0)
        {
            output.Blocks(gap);
        }

        writer.WriteAnchor(output.Blocks(1), UdfConstants.AnchorBlock);
        writer.WriteFileSystem(output);
    }

    private static void WriteVolumeDescriptor(DiscLayout layout, MasteringOptions options, NamespaceLayout space, IMetadataOutput output)
    {
        var root = space.ByIndex[layout.Tree.Root.Index];
        var label = options.VolumeLabel;
        var descriptor = new VolumeDescriptor
        {
            IsJoliet = space.IsJoliet,
            VolumeIdentifier = space.IsJoliet ? label : IsoNaming.ToVolumeText(label, IsoConstants.PrimaryVolumeIdLength, dCharactersOnly: true),
            PublisherIdentifier = space.IsJoliet ? options.Publisher : IsoNaming.ToVolumeText(options.Publisher, VolumeDescriptor.FieldLengths.LongIdentifier, dCharactersOnly: false),
            ApplicationIdentifier = space.IsJoliet ? options.ApplicationId : IsoNaming.ToVolumeText(options.ApplicationId, VolumeDescriptor.FieldLengths.LongIdentifier, dCharactersOnly: false),
            VolumeSpaceSize = (uint)layout.TotalBlocks,
            PathTableSize = space.PathTableSize,
            TypeLPathTable = space.TypeLPathTable,
            TypeMPathTable = space.TypeMPathTable,
            RootDirectory = new DirectoryRecord(root.Extent, root.Size, root.Directory.Modified, DirectoryRecord.Flags.Directory),
            Created = options.VolumeDate,
        };
        descriptor.WriteTo(output.Blocks(1));
    }

    private static void WritePathTable(NamespaceLayout space, bool bigEndian, IMetadataOutput output)
    {
        var size = (int)(DiscLayout.BlocksFor(space.PathTableSize) * IsoConstants.BlockSize);
        var table = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var span = table.AsSpan(0, size);
            span.Clear();
            var offset = 0;
            foreach (var directory in space.InPathTableOrder)
            {
                offset += PathTableRecord.WriteTo(span[offset..], directory.PathTableIdentifier, directory.Extent, directory.ParentNumber, bigEndian);
            }

            output.Bytes(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(table);
        }
    }

    private static void WriteDirectory(DiscLayout layout, NamespaceLayout space, DirectoryExtent directory, PosixModes? modes, IMetadataOutput output)
    {
        var parent = directory.Directory.Parent is { } p ? space.ByIndex[p.Index] : directory;
        var blocksLeft = (int)(directory.Size / IsoConstants.BlockSize) - 1;
        var block = output.Blocks(1);
        var offset = 0;
        var section = 0;
        for (var i = 0; i < RockRidgeDirectory.FirstEntryRecord + directory.Entries.Length; i++)
        {
            var length = directory.RecordLength(i);
            if (offset + length > IsoConstants.BlockSize)
            {
                block = output.Blocks(1);
                blocksLeft--;
                offset = 0;
            }

            var (node, identifier) = i switch
            {
                0 => (directory.Directory, DirectoryRecord.SelfIdentifier.ToArray()),
                1 => (parent.Directory, DirectoryRecord.ParentIdentifier.ToArray()),
                _ => directory.Entries[i - RockRidgeDirectory.FirstEntryRecord],
            };
            section = i > RockRidgeDirectory.FirstEntryRecord && ReferenceEquals(node, directory.Entries[i - RockRidgeDirectory.FirstEntryRecord - 1].Node) ? section + 1 : 0;
            var record = node is DiscDirectory folder
                ? new DirectoryRecord(space.ByIndex[folder.Index].Extent, space.ByIndex[folder.Index].Size, folder.Modified, DirectoryRecord.Flags.Directory)
                : FileRecord(layout, (DiscFile)node, section);
            var systemUseLength = directory.RockRidge?.SystemUseLength(i) ?? 0;
            record.WriteTo(block[offset..], identifier, systemUseLength);
            if (modes is not null)
            {
                directory.RockRidge?.WriteSystemUse(directory.Directory, i, node, identifier.Length, modes, block.Slice(offset + DirectoryRecord.SystemUseOffset(identifier.Length), systemUseLength));
            }

            offset += length;
        }

        Debug.Assert(blocksLeft == 0, "a directory must fill exactly the blocks the layout gave it");
    }

    /// <summary>
    /// The record of section <paramref name="section"/> of a file: every section but the last is
    /// <see cref="IsoConstants.SectionLength"/> bytes and carries the multi-extent flag (ECMA-119 9.1.6); the
    /// sections are consecutive in the image.
    /// </summary>
    private static DirectoryRecord FileRecord(DiscLayout layout, DiscFile file, int section)
    {
        var sections = IsoConstants.SectionsFor(file.Length);
        if (sections == 1)
        {
            return new DirectoryRecord(layout.FileExtents[file.Index], (uint)file.Length, file.Modified, DirectoryRecord.Flags.None);
        }

        var skipped = (long)section * IsoConstants.SectionLength;
        var last = section == sections - 1;
        return new DirectoryRecord(
            layout.FileExtents[file.Index] + (uint)(skipped / IsoConstants.BlockSize),
            last ? (uint)(file.Length - skipped) : IsoConstants.SectionLength,
            file.Modified,
            last ? DirectoryRecord.Flags.None : DirectoryRecord.Flags.MultiExtent);
    }
}
