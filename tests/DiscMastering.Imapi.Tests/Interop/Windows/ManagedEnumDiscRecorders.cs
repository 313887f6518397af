using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>IEnumDiscRecorders over managed recorders, each handed out as a new reference.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedEnumDiscRecorders(IReadOnlyList<ManagedDiscRecorder> recorders) : IEnumDiscRecorders
{
    private int _next;

    public int Next(uint cRecorders, nint* ppRecorder, uint* pcFetched)
    {
        uint fetched = 0;
        while (fetched < cRecorders && _next < recorders.Count)
        {
            ppRecorder[fetched++] = ComRoundTrip.Pointer<IDiscRecorder>(recorders[_next++]);
        }

        *pcFetched = fetched;
        return fetched == cRecorders ? ComHResults.S_OK : ComHResults.S_FALSE;
    }

    public int Skip(uint cRecorders) => ComHResults.E_NOTIMPL;

    public int Reset()
    {
        _next = 0;
        return ComHResults.S_OK;
    }

    public int Clone(nint* ppEnum) => ComHResults.E_NOTIMPL;
}
