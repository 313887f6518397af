using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;
using DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>The shell's simple burner (ICDBurn) through the Windows backend, against the native IMAPI fake.</summary>
[Collection(NativeFakeCollection.Name)]
[Trait("Category", "ImapiNativeFake")]
public sealed class ImapiSimpleRecorderTests : IDisposable
{
    private readonly NativeFakeScope _fake = new();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public void SimpleRecorder_HasTheShellsDriveLetter_AndIsReleased()
    {
        using var master = new DiscMaster(ImapiBackend.Open(new NativeFakeActivator()));

        var simple = master.SimpleDiscRecorder;

        Assert.NotNull(simple);
        Assert.True(simple.HasRecordableDrive);
        Assert.Equal(@"F:\", simple.DriveLetter);
        Assert.Null(simple.StagingArea); // the staging area is a Windows known folder
        Assert.Contains("ICDBurn::HasRecordableDrive", NativeFakeLibrary.Calls());
        Assert.Contains("ICDBurn::GetRecorderDriveLetter", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void SimpleRecorder_ThatFails_IsNotPresent()
    {
        NativeFakeLibrary.Fail("ICDBurn::HasRecordableDrive", unchecked((int)0x80004005)); // E_FAIL, winerror.h
        using var master = new DiscMaster(ImapiBackend.Open(new NativeFakeActivator()));

        Assert.Null(master.SimpleDiscRecorder);
    }

    [Fact]
    public void NoSimpleRecorder_OnLibburnOrFakes()
    {
        using var master = new DiscMaster(new Tests.Recording.FakeRecorderBackend());

        Assert.Null(master.SimpleDiscRecorder);
    }
}
