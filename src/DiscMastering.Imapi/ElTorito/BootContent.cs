using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// What the boot structures need from the files' bytes, read in one pass after the layout and before anything
/// is written: the EFI image's FAT check, the boot-info table (its checksum streams the BIOS image once) and
/// the hybrid MBR's boot code. Both sinks take it, so they patch the same bytes.
/// </summary>
internal sealed class BootContent
{
    private readonly byte[]? _infoTable;

    private BootContent(DiscFile? patchedFile, BootInfoTable? infoTable, byte[] mbrCode)
    {
        PatchedFile = patchedFile;
        _infoTable = infoTable?.ToBytes();
        MbrCode = mbrCode;
    }

    /// <summary>The file whose disc copy carries the boot-info table; null when none does.</summary>
    public DiscFile? PatchedFile { get; }

    /// <summary>Boot code for the MBR: empty, 432 (isohybrid) or 446 bytes.</summary>
    public byte[] MbrCode { get; }

    /// <summary>Reads what <paramref name="layout"/>'s boot structures need; null for an image that does not boot.</summary>
    public static BootContent? Read(DiscLayout layout, CancellationToken cancellationToken)
    {
        if (layout.Boot is not { } boot)
        {
            return null;
        }

        if (boot.Efi is { } efi)
        {
            EfiSystemPartitionImage.Check(efi.File);
        }

        BootInfoTable? table = null;
        if (boot.Bios is { } bios && boot.Options.BootInfoTable)
        {
            table = BootInfoTable.Compute(bios.File, bios.Block, DiscLayout.PrimaryDescriptorBlock, cancellationToken);
        }

        var mbrCode = boot.Options.HybridMbrPath is { } path ? ReadMbrCode(path) : [];
        return new BootContent(table is null ? null : boot.Bios!.File, table, mbrCode);
    }

    /// <summary>
    /// Overlays the boot-info table on <paramref name="data"/>, which holds <paramref name="file"/>'s bytes from
    /// <paramref name="fileOffset"/> on, wherever it meets bytes 8-63.
    /// </summary>
    public void Patch(DiscFile file, long fileOffset, Span<byte> data)
    {
        if (_infoTable is null || !ReferenceEquals(file, PatchedFile))
        {
            return;
        }

        var start = Math.Max(fileOffset, BootInfoTable.Offset);
        var end = Math.Min(fileOffset + data.Length, BootInfoTable.Offset + BootInfoTable.Length);
        if (start < end)
        {
            _infoTable.AsSpan((int)(start - BootInfoTable.Offset), (int)(end - start)).CopyTo(data[(int)(start - fileOffset)..]);
        }
    }

    /// <summary>The boot code of a 432-, 446- or 512-byte file: a 512-byte MBR gives its first 432 bytes, as isohdpfx.bin is used.</summary>
    private static byte[] ReadMbrCode(string path)
    {
        byte[] bytes;
        try
        {
            // One byte more than the longest form: a file that grew since the options check is refused, not read whole.
            using var input = File.OpenHandle(path);
            var buffer = new byte[BootChecks.WholeMbrLength + 1];
            var done = 0;
            int read;
            while (done < buffer.Length && (read = RandomAccess.Read(input, buffer.AsSpan(done), done)) > 0)
            {
                done += read;
            }

            bytes = buffer[..done];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiscMasteringException(DiscMasteringError.HybridMbrInvalid, $"the hybrid MBR file '{Path.GetFullPath(path)}' cannot be read ({e.Message}); check the path and its permissions.");
        }

        return bytes.Length switch
        {
            MasterBootRecord.IsohybridCodeLength or MasterBootRecord.FullCodeLength => bytes,
            BootChecks.WholeMbrLength => bytes[..MasterBootRecord.IsohybridCodeLength],
            _ => throw new DiscMasteringException(DiscMasteringError.HybridMbrInvalid, $"the hybrid MBR file '{Path.GetFullPath(path)}' is {bytes.Length:N0} bytes; it must be 432 or 446 bytes of boot code, or a 512-byte MBR such as isohdpfx.bin."),
        };
    }
}
