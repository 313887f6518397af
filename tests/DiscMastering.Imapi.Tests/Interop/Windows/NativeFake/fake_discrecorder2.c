/*
 * IMAPI2 devices: IDiscMaster2 and IDiscRecorder2 (imapi2.h, Windows SDK). Both are dual interfaces:
 * IDispatch's four slots (E_NOTIMPL here) come between IUnknown's and their own.
 */
#include <stdlib.h>

#include "fake_com.h"

/* Methods taking a SAFEARRAY are not simulated. */
#define NOT_SIMULATED(function, name)            \
    static HRESULT function(void* self, void* out) \
    {                                            \
        (void)self, (void)out;                   \
        FAKE_ENTER(name);                        \
        return E_NOTIMPL;                        \
    }

/* ---- IDiscMaster2: the one simulated drive ---- */

static const GUID* const s_master2_iids[] = { &IID_IDiscMaster2, &IID_IDispatch, NULL };
static const fake_class s_master2_class = { "IDiscMaster2", s_master2_iids, NULL };

NOT_SIMULATED(get__NewEnum, "IDiscMaster2::get__NewEnum")

static HRESULT get_Item(void* self, LONG index, BSTR* unique_id)
{
    (void)self;
    FAKE_ENTER("IDiscMaster2::get_Item");
    if (unique_id == NULL)
        return E_POINTER;
    *unique_id = NULL;
    if (index != 0)
        return E_INVALIDARG;
    *unique_id = fake_bstr_from_ascii(FAKE_PATH);
    return S_OK;
}

static HRESULT get_Count(void* self, LONG* count)
{
    (void)self;
    FAKE_ENTER("IDiscMaster2::get_Count");
    if (count == NULL)
        return E_POINTER;
    *count = 1;
    return S_OK;
}

static HRESULT get_IsSupportedEnvironment(void* self, VARIANT_BOOL* supported)
{
    (void)self;
    FAKE_ENTER("IDiscMaster2::get_IsSupportedEnvironment");
    if (supported == NULL)
        return E_POINTER;
    *supported = VARIANT_TRUE;
    return S_OK;
}

/* IDiscMaster2's vtable: imapi2.h, Windows SDK order. */
static const fake_fn s_master2_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FAKE_IDISPATCH_SLOTS, FN(get__NewEnum), FN(get_Item), FN(get_Count),
    FN(get_IsSupportedEnvironment),
};

HRESULT fake_new_disc_master2(void** out)
{
    *out = fake_object_new(sizeof(fake_object), s_master2_vtbl, &s_master2_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}

/* ---- IDiscRecorder2 ---- */

typedef struct recorder2 {
    fake_object base;
    int initialized;
    int holds_access;
} recorder2;

static void recorder2_destroy(fake_object* self)
{
    /* Exclusive access ends with the object that took it. */
    if (self->counted && ((recorder2*)self)->holds_access) {
        free(g_fake.access_owner);
        g_fake.access_owner = NULL;
    }
}

static const GUID* const s_recorder2_iids[] = { &IID_IDiscRecorder2, &IID_IDispatch, NULL };
static const fake_class s_recorder2_class = { "IDiscRecorder2", s_recorder2_iids, recorder2_destroy };

#define REQUIRE_INITIALIZED(r)         \
    do {                               \
        if (!(r)->initialized)         \
            return E_IMAPI_RECORDER_REQUIRED; \
    } while (0)

static HRESULT EjectMedia(void* self)
{
    FAKE_ENTER("IDiscRecorder2::EjectMedia");
    REQUIRE_INITIALIZED((recorder2*)self);
    return S_OK;
}

static HRESULT CloseTray(void* self)
{
    FAKE_ENTER("IDiscRecorder2::CloseTray");
    REQUIRE_INITIALIZED((recorder2*)self);
    return S_OK;
}

static HRESULT AcquireExclusiveAccess(void* self, VARIANT_BOOL force, BSTR client_name)
{
    recorder2* r = self;
    (void)force; /* force is about dismounting the volume, not about another owner */
    FAKE_ENTER("IDiscRecorder2::AcquireExclusiveAccess");
    REQUIRE_INITIALIZED(r);
    if (client_name == NULL || client_name[0] == 0)
        return E_IMAPI_RECORDER_CLIENT_NAME_IS_NOT_VALID;
    if (g_fake.lock_owner != NULL)
        return E_IMAPI_RECORDER_LOCKED;
    free(g_fake.access_owner);
    g_fake.access_owner = fake_utf16_dup(client_name);
    r->holds_access = 1;
    return S_OK;
}

static HRESULT ReleaseExclusiveAccess(void* self)
{
    recorder2* r = self;
    FAKE_ENTER("IDiscRecorder2::ReleaseExclusiveAccess");
    REQUIRE_INITIALIZED(r);
    if (r->holds_access) {
        free(g_fake.access_owner);
        g_fake.access_owner = NULL;
        r->holds_access = 0;
    }
    return S_OK;
}

static HRESULT DisableMcn(void* self)
{
    FAKE_ENTER("IDiscRecorder2::DisableMcn");
    REQUIRE_INITIALIZED((recorder2*)self);
    return S_OK;
}

static HRESULT EnableMcn(void* self)
{
    FAKE_ENTER("IDiscRecorder2::EnableMcn");
    REQUIRE_INITIALIZED((recorder2*)self);
    return S_OK;
}

static HRESULT InitializeDiscRecorder(void* self, BSTR unique_id)
{
    FAKE_ENTER("IDiscRecorder2::InitializeDiscRecorder");
    if (unique_id == NULL || !fake_utf16_equal_ascii(unique_id, FAKE_PATH))
        return E_INVALIDARG;
    ((recorder2*)self)->initialized = 1;
    return S_OK;
}

static HRESULT text_property(recorder2* r, BSTR* value, const char* text)
{
    if (value == NULL)
        return E_POINTER;
    *value = NULL;
    REQUIRE_INITIALIZED(r);
    *value = fake_bstr_from_ascii(text);
    return S_OK;
}

static HRESULT get_ActiveDiscRecorder(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_ActiveDiscRecorder");
    return text_property(self, value, FAKE_PATH);
}

static HRESULT get_VendorId(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_VendorId");
    return text_property(self, value, FAKE_VENDOR);
}

static HRESULT get_ProductId(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_ProductId");
    return text_property(self, value, FAKE_PRODUCT);
}

static HRESULT get_ProductRevision(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_ProductRevision");
    return text_property(self, value, FAKE_REVISION);
}

static HRESULT get_VolumeName(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_VolumeName");
    return text_property(self, value, "\\\\?\\Volume{0000fa4e-0000-0000-0000-000000000000}\\");
}

NOT_SIMULATED(get_VolumePathNames, "IDiscRecorder2::get_VolumePathNames")

static HRESULT get_DeviceCanLoadMedia(void* self, VARIANT_BOOL* value)
{
    FAKE_ENTER("IDiscRecorder2::get_DeviceCanLoadMedia");
    if (value == NULL)
        return E_POINTER;
    REQUIRE_INITIALIZED((recorder2*)self);
    *value = VARIANT_TRUE;
    return S_OK;
}

static HRESULT get_LegacyDeviceNumber(void* self, LONG* value)
{
    FAKE_ENTER("IDiscRecorder2::get_LegacyDeviceNumber");
    if (value == NULL)
        return E_POINTER;
    REQUIRE_INITIALIZED((recorder2*)self);
    *value = 0;
    return S_OK;
}

NOT_SIMULATED(get_SupportedFeaturePages, "IDiscRecorder2::get_SupportedFeaturePages")
NOT_SIMULATED(get_CurrentFeaturePages, "IDiscRecorder2::get_CurrentFeaturePages")
NOT_SIMULATED(get_SupportedProfiles, "IDiscRecorder2::get_SupportedProfiles")
NOT_SIMULATED(get_CurrentProfiles, "IDiscRecorder2::get_CurrentProfiles")
NOT_SIMULATED(get_SupportedModePages, "IDiscRecorder2::get_SupportedModePages")

/* The lock's owner when the fake is told the drive is locked, else whoever acquired access, else "". */
static HRESULT get_ExclusiveAccessOwner(void* self, BSTR* value)
{
    FAKE_ENTER("IDiscRecorder2::get_ExclusiveAccessOwner");
    if (value == NULL)
        return E_POINTER;
    *value = NULL;
    REQUIRE_INITIALIZED((recorder2*)self);
    const OLECHAR* owner = g_fake.lock_owner != NULL ? g_fake.lock_owner : g_fake.access_owner;
    *value = owner != NULL ? fake_bstr_from_utf16(owner) : fake_bstr_from_ascii("");
    return S_OK;
}

/* IDiscRecorder2's vtable: imapi2.h, Windows SDK order. */
static const fake_fn s_recorder2_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,
    FAKE_IDISPATCH_SLOTS,
    FN(EjectMedia),
    FN(CloseTray),
    FN(AcquireExclusiveAccess),
    FN(ReleaseExclusiveAccess),
    FN(DisableMcn),
    FN(EnableMcn),
    FN(InitializeDiscRecorder),
    FN(get_ActiveDiscRecorder),
    FN(get_VendorId),
    FN(get_ProductId),
    FN(get_ProductRevision),
    FN(get_VolumeName),
    FN(get_VolumePathNames),
    FN(get_DeviceCanLoadMedia),
    FN(get_LegacyDeviceNumber),
    FN(get_SupportedFeaturePages),
    FN(get_CurrentFeaturePages),
    FN(get_SupportedProfiles),
    FN(get_CurrentProfiles),
    FN(get_SupportedModePages),
    FN(get_ExclusiveAccessOwner),
};

HRESULT fake_new_disc_recorder2(void** out)
{
    *out = fake_object_new(sizeof(recorder2), s_recorder2_vtbl, &s_recorder2_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}

int fake_is_disc_recorder2(void* object)
{
    return object != NULL && ((fake_object*)object)->vtbl == s_recorder2_vtbl;
}

int fake_recorder2_initialized(void* object)
{
    return fake_is_disc_recorder2(object) && ((recorder2*)object)->initialized;
}
