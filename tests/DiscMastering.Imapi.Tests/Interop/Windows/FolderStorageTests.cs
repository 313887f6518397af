using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary><see cref="FolderStorage"/> through its native IStorage vtable, as IMAPI v1's AddData walks it.</summary>
public sealed unsafe class FolderStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public FolderStorageTests()
    {
        _temp.WriteFile("content/b.txt", "bee");
        _temp.WriteFile("content/a.txt", "a");
        _temp.WriteFile("content/sub/c.bin", new byte[3000]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EnumElements_ListsFilesAsStreamsAndFoldersAsStorages_InOrdinalOrder()
    {
        using var served = new FolderStorage(_temp.Combine("content"));
        var storage = ComRoundTrip.Through<IStorage>(served);
        try
        {
            var elements = Enumerate(storage);

            Assert.Equal(["a.txt", "b.txt", "sub"], elements.Select(e => e.Name));
            Assert.Equal([STATSTG.STGTY_STREAM, STATSTG.STGTY_STREAM, STATSTG.STGTY_STORAGE], elements.Select(e => e.Type));
            Assert.Equal([1UL, 3UL, 0UL], elements.Select(e => e.Size));
        }
        finally
        {
            ComRoundTrip.Release(storage);
        }
    }

    [Fact]
    public void OpenStream_And_OpenStorage_GiveTheContent()
    {
        using var served = new FolderStorage(_temp.Combine("content"));
        var storage = ComRoundTrip.Through<IStorage>(served);
        try
        {
            nint pointer;
            fixed (char* name = "b.txt")
            {
                Assert.Equal(ComHResults.S_OK, storage.OpenStream(name, 0, STATSTG.STGM_READ | STATSTG.STGM_SHARE_EXCLUSIVE, 0, &pointer));
            }

            var stream = ComRoundTrip.Wrap<IStream>(pointer);
            try
            {
                var bytes = stackalloc byte[8];
                uint read;
                Assert.Equal(ComHResults.S_FALSE, stream.Read(bytes, 8, &read));
                Assert.Equal("bee"u8.ToArray(), new Span<byte>(bytes, (int)read).ToArray());
            }
            finally
            {
                ComRoundTrip.Release(stream);
            }

            fixed (char* name = "sub")
            {
                Assert.Equal(ComHResults.S_OK, storage.OpenStorage(name, 0, STATSTG.STGM_READ | STATSTG.STGM_SHARE_EXCLUSIVE, 0, 0, &pointer));
            }

            var sub = ComRoundTrip.Wrap<IStorage>(pointer);
            try
            {
                Assert.Equal(["c.bin"], Enumerate(sub).Select(e => e.Name));
                STATSTG stat;
                Assert.Equal(ComHResults.S_OK, sub.Stat(&stat, 0));
                Assert.Equal("sub", Marshal.PtrToStringUni(stat.pwcsName));
                Assert.Equal(STATSTG.STGTY_STORAGE, stat.type);
                Marshal.FreeCoTaskMem(stat.pwcsName);
            }
            finally
            {
                ComRoundTrip.Release(sub);
            }
        }
        finally
        {
            ComRoundTrip.Release(storage);
        }
    }

    [Fact]
    public void Changes_BadNamesAndMissingElements_AreRefusedWithStorageCodes()
    {
        using var served = new FolderStorage(_temp.Combine("content"));
        var storage = ComRoundTrip.Through<IStorage>(served);
        try
        {
            nint pointer;
            fixed (char* name = "a.txt")
            {
                Assert.Equal(ComHResults.STG_E_ACCESSDENIED, storage.OpenStream(name, 0, STATSTG.STGM_READWRITE, 0, &pointer));
                Assert.Equal(ComHResults.STG_E_ACCESSDENIED, storage.CreateStream(name, STATSTG.STGM_WRITE, 0, 0, &pointer));
                Assert.Equal(ComHResults.STG_E_ACCESSDENIED, storage.DestroyElement(name));
                Assert.Equal(0, pointer);
            }

            fixed (char* name = "../content/a.txt")
            {
                Assert.Equal(ComHResults.STG_E_INVALIDNAME, storage.OpenStream(name, 0, STATSTG.STGM_READ, 0, &pointer));
            }

            fixed (char* name = "missing.txt")
            {
                Assert.Equal(ComHResults.STG_E_FILENOTFOUND, storage.OpenStream(name, 0, STATSTG.STGM_READ, 0, &pointer));
                Assert.Equal(ComHResults.STG_E_FILENOTFOUND, storage.OpenStorage(name, 0, STATSTG.STGM_READ, 0, 0, &pointer));
            }

            Assert.Equal(ComHResults.S_OK, storage.Commit(0));
        }
        finally
        {
            ComRoundTrip.Release(storage);
        }
    }

    private static List<(string Name, uint Type, ulong Size)> Enumerate(IStorage storage)
    {
        nint pointer;
        Assert.Equal(ComHResults.S_OK, storage.EnumElements(0, 0, 0, &pointer));
        var enumerator = ComRoundTrip.Wrap<IEnumSTATSTG>(pointer);
        try
        {
            var found = new List<(string, uint, ulong)>();
            var stats = stackalloc STATSTG[2];
            while (true)
            {
                uint fetched;
                var hr = enumerator.Next(2, stats, &fetched);
                for (var i = 0; i < fetched; i++)
                {
                    found.Add((Marshal.PtrToStringUni(stats[i].pwcsName)!, stats[i].type, stats[i].cbSize));
                    Marshal.FreeCoTaskMem(stats[i].pwcsName);
                }

                if (hr == ComHResults.S_FALSE)
                {
                    return found;
                }

                Assert.Equal(ComHResults.S_OK, hr);
            }
        }
        finally
        {
            ComRoundTrip.Release(enumerator);
        }
    }
}
