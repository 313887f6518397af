namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// One test's use of the native fake: made, it resets the fake; disposed, it checks that the backend let go of every
/// object it was given (no live objects, no references left) and that the IMAPI v1 session is closed.
/// </summary>
internal sealed class NativeFakeScope : IDisposable
{
    public NativeFakeScope() => NativeFakeLibrary.Reset();

    public void Dispose()
    {
        Assert.Equal(0, NativeFakeLibrary.OutstandingReferences());
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
        Assert.Equal(0, NativeFakeLibrary.MasterIsOpen());
        Assert.Equal(0, NativeFakeLibrary.RecorderIsOpen());
    }
}
