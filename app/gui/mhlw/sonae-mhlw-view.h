/* sonae-mhlw-view.h: the MHLW cyber-security checklist (sonae-mhlw.h) as a
 * worksheet of the BCP section, for a clinic or a hospital: every item of
 * the form in its order, answered はい / いいえ with the day it was checked,
 * a いいえ with its target and who sees to it (a measure of the plan), a
 * note; what Sonae answers from its own data, said as such and overruled
 * by a person; then each vendor's list (事業者確認用) and MDS/SDS. For a
 * pharmacy it says that its own list is not in Sonae yet.
 *
 * Everything is stored as it is changed, typed dates and notes a moment
 * after the last key. Its actions: mhlw.print (print it, as
 * `sonae --export mhlw-checklist`), mhlw.edit-roles (the roles dialog at
 * the security manager's role). */
#pragma once

#include <adwaita.h>

#include "sonae-bcp-worksheet.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_MHLW_VIEW (sonae_mhlw_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeMhlwView, sonae_mhlw_view, SONAE, MHLW_VIEW, SonaeBcpWorksheet)

GtkWidget *sonae_mhlw_view_new (SonaeStore *store);

G_END_DECLS
