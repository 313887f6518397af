using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary><see cref="PropertyStorage"/> reading a property set through its native vtable, for each value type IMAPI uses.</summary>
public sealed class PropertyStorageTests
{
    [Fact]
    public void ReadAll_GivesIdNameAndValueText_ForEveryType()
    {
        var fake = new FakePropertyStorage(
        [
            (2, "WriteSpeed", PROPVARIANT.VT_I4, 8),
            (3, "MaxWriteSpeed", PROPVARIANT.VT_UI4, 4000000000u),
            (4, "AudioGapSize", PROPVARIANT.VT_I2, (short)-150),
            (5, "EnableBufferUnderrunFree", PROPVARIANT.VT_BOOL, true),
            (6, "VendorName", PROPVARIANT.VT_BSTR, "HL-DT-ST"),
            (7, "Description", PROPVARIANT.VT_LPWSTR, "DVD±RW"),
            (8, "Nothing", PROPVARIANT.VT_EMPTY, null),
        ]);
        using var storage = PropertyStorage.FromPointer(ComRoundTrip.Pointer<IPropertyStorage>(fake));

        var properties = storage.ReadAll();

        Assert.Equal(
            [
                new RecorderProperty(2, "WriteSpeed", "8"),
                new RecorderProperty(3, "MaxWriteSpeed", "4000000000"),
                new RecorderProperty(4, "AudioGapSize", "-150"),
                new RecorderProperty(5, "EnableBufferUnderrunFree", "true"),
                new RecorderProperty(6, "VendorName", "HL-DT-ST"),
                new RecorderProperty(7, "Description", "DVD±RW"),
                new RecorderProperty(8, "Nothing", ""),
            ],
            properties);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var storage = PropertyStorage.FromPointer(ComRoundTrip.Pointer<IPropertyStorage>(new FakePropertyStorage([])));

        Assert.Empty(storage.ReadAll());
        storage.Dispose();
        storage.Dispose();
        Assert.Throws<ObjectDisposedException>(() => storage.ReadAll());
    }
}
