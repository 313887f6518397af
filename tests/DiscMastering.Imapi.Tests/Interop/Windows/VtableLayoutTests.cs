using System.Reflection;
using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// The declared interfaces have the Windows SDK's slot counts and order, and the structs its sizes (x64), so that a
/// native object built from the SDK headers lines up with them.
/// </summary>
public sealed unsafe class VtableLayoutTests
{
    public static TheoryData<Type, int> SlotCounts => new()
    {
        // IUnknown's 3 slots are included; dual interfaces add IDispatch's 4.
        { typeof(IDiscMaster), 15 },
        { typeof(IDiscRecorder), 18 },
        { typeof(IEnumDiscRecorders), 7 },
        { typeof(IEnumDiscMasterFormats), 7 },
        { typeof(IJolietDiscMaster), 9 },
        { typeof(IRedbookDiscMaster), 11 },
        { typeof(IDiscMasterProgressEvents), 12 },
        { typeof(ICDBurn), 6 },
        { typeof(IDispatch), 7 },
        { typeof(IDiscMaster2), 11 },
        { typeof(IDiscRecorder2), 28 },
        { typeof(IDiscRecorder2Ex), 21 },
        { typeof(IDiscFormat2), 12 },
        { typeof(IDiscFormat2Data), 44 },
        { typeof(IDiscFormat2Erase), 20 },
        { typeof(IDiscFormat2TrackAtOnce), 37 },
        { typeof(ISequentialStream), 5 },
        { typeof(IStream), 14 },
        { typeof(IStorage), 18 },
        { typeof(IEnumSTATSTG), 7 },
        { typeof(IPropertyStorage), 15 },
        { typeof(IEnumSTATPROPSTG), 7 },
        { typeof(IConnectionPointContainer), 5 },
        { typeof(IConnectionPoint), 8 },
        { typeof(IWriteEngine2EventArgs), 14 },
        { typeof(IDiscFormat2DataEventArgs), 18 },
        { typeof(DDiscFormat2DataEvents), 8 },
    };

    [Theory]
    [MemberData(nameof(SlotCounts))]
    public void Interface_HasTheSdksSlotCount(Type type, int slots) => Assert.Equal(slots, Slots(type).Count);

    [Fact]
    public void IStream_SlotsAreInTheSdksOrder() =>
        Assert.Equal(
            ["Read", "Write", "Seek", "SetSize", "CopyTo", "Commit", "Revert", "LockRegion", "UnlockRegion", "Stat", "Clone"],
            Slots(typeof(IStream)).Skip(3));

    [Fact]
    public void IDiscFormat2Data_WriteIsSlot41_AfterIDispatchAndIDiscFormat2()
    {
        var slots = Slots(typeof(IDiscFormat2Data));

        Assert.Equal(["GetTypeInfoCount", "GetTypeInfo", "GetIDsOfNames", "Invoke"], slots.Skip(3).Take(4));
        Assert.Equal("IsRecorderSupported", slots[7]);
        Assert.Equal("put_Recorder", slots[12]);
        Assert.Equal("Write", slots[41]);
        Assert.Equal("CancelWrite", slots[42]);
    }

    [Fact]
    public void IDiscMaster_RecordDiscIsSlot13_AndCloseSlot14()
    {
        var slots = Slots(typeof(IDiscMaster));

        Assert.Equal("Open", slots[3]);
        Assert.Equal("RecordDisc", slots[13]);
        Assert.Equal("Close", slots[14]);
    }

    [Fact]
    public void NativeVtable_StatAtSlot12_ReadAtSlot3()
    {
        using var served = new IStreamOnStream(new MemoryStream(new byte[] { 9, 8, 7, 6, 5 }, writable: false));
        var pointer = ComRoundTrip.Pointer<IStream>(served);
        try
        {
            var vtable = *(void***)pointer;
            var stat = (delegate* unmanaged[MemberFunction]<nint, STATSTG*, uint, int>)vtable[12];
            var read = (delegate* unmanaged[MemberFunction]<nint, byte*, uint, uint*, int>)vtable[3];
            STATSTG result;
            Assert.Equal(ComHResults.S_OK, stat(pointer, &result, STATSTG.STATFLAG_NONAME));
            Assert.Equal(5UL, result.cbSize);
            var bytes = stackalloc byte[2];
            uint count;
            Assert.Equal(ComHResults.S_OK, read(pointer, bytes, 2, &count));
            Assert.Equal(2u, count);
            Assert.Equal(9, bytes[0]);
        }
        finally
        {
            Marshal.Release(pointer);
        }
    }

    [Fact]
    public void Structs_HaveTheSdksSizes()
    {
        Assert.Equal(8, sizeof(FILETIME));
        if (IntPtr.Size == 8)
        {
            Assert.Equal(80, sizeof(STATSTG));
            Assert.Equal(16, sizeof(STATPROPSTG));
            Assert.Equal(16, sizeof(PROPSPEC));
            Assert.Equal(24, sizeof(PROPVARIANT));
            Assert.Equal(16, (int)Marshal.OffsetOf<STATSTG>(nameof(STATSTG.cbSize)));
            Assert.Equal(56, (int)Marshal.OffsetOf<STATSTG>(nameof(STATSTG.clsid)));
            Assert.Equal(8, (int)Marshal.OffsetOf<PROPVARIANT>(nameof(PROPVARIANT.value)));
        }
    }

    [Fact]
    public void Iids_AreTheSdks()
    {
        Assert.Equal(new Guid("0000000C-0000-0000-C000-000000000046"), typeof(IStream).GUID);
        Assert.Equal(new Guid("520CCA62-51A5-11D3-9144-00104BA11C5E"), typeof(IDiscMaster).GUID);
        Assert.Equal(new Guid("27354153-9F64-5B0F-8F00-5D77AFBE261E"), typeof(IDiscFormat2Data).GUID);
        Assert.Equal(new Guid("520CCA63-51A5-11D3-9144-00104BA11C5E"), ImapiClassIds.MSDiscMasterObj);
    }

    /// <summary>
    /// Slot names: IUnknown's three, then each base interface's declared methods, then the type's own, each in
    /// declaration (metadata) order. Methods with a body are the generator's shadows of base methods, not slots.
    /// </summary>
    private static List<string> Slots(Type type)
    {
        var chain = new List<Type>();
        for (var current = type; current is not null; current = current.GetInterfaces().Except(current.GetInterfaces().SelectMany(i => i.GetInterfaces())).SingleOrDefault())
        {
            chain.Insert(0, current);
        }

        var slots = new List<string> { "QueryInterface", "AddRef", "Release" };
        foreach (var declared in chain)
        {
            slots.AddRange(declared.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.IsAbstract)
                .OrderBy(m => m.MetadataToken)
                .Select(m => m.Name));
        }

        return slots;
    }
}
