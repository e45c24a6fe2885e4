/**
 * Mounts every feature's HTTP routes. A feature's index.ts is its domain surface only (what other
 * features may call); its routes are reached from here alone, so no feature depends on another's
 * routes and the surfaces form no import loop (docs/ARCHITECTURE.md).
 */
import type { App, AppContext } from './core/http/types.ts';
import { registerAdminUnitRoutes } from './features/admin-units/admin-units.routes.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerBusinessPlanRoutes } from './features/business-plans/business-plans.routes.ts';
import { registerCatalogueRoutes } from './features/catalogue/catalogue.routes.ts';
import { registerCertificateRoutes } from './features/certificates/certificates.routes.ts';
import { registerDashboardRoutes } from './features/dashboards/dashboards.routes.ts';
import { registerDossierRoutes } from './features/dossiers/dossiers.routes.ts';
import { registerEvaluationRoutes } from './features/evaluations/evaluations.routes.ts';
import { registerFairRoutes } from './features/fairs/fairs.routes.ts';
import { registerIdeaRoutes } from './features/ideas/ideas.routes.ts';
import { registerImportRoutes } from './features/imports/imports.routes.ts';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.ts';
import { registerOpenDataRoutes } from './features/open-data/open-data.routes.ts';
import { registerPlanRoutes } from './features/plans/plans.routes.ts';
import { registerProducerRoutes } from './features/producers/producers.routes.ts';
import { registerProductRoutes } from './features/products/products.routes.ts';
import { registerProvinceSettingsRoutes } from './features/province-settings/province-settings.routes.ts';
import { registerReportRoutes } from './features/reports/reports.routes.ts';
import { registerRuleSetRoutes } from './features/rule-sets/rule-sets.routes.ts';
import { registerSelfAssessmentRoutes } from './features/self-assessments/self-assessments.routes.ts';
import { registerTrainingRoutes } from './features/training/training.routes.ts';
import { registerAuthRoutes } from './features/users/auth.routes.ts';
import { registerUserRoutes } from './features/users/users.routes.ts';
import { registerVerificationRoutes } from './features/verification/verification.routes.ts';
import { registerPublicSite } from './public-site/public-site.routes.ts';

export function registerRoutes(app: App, ctx: AppContext): void {
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAdminUnitRoutes(app, ctx);
  registerProducerRoutes(app, ctx);
  registerIdeaRoutes(app, ctx);
  registerBusinessPlanRoutes(app, ctx);
  registerProvinceSettingsRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerRuleSetRoutes(app);
  registerSelfAssessmentRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerDossierRoutes(app, ctx);
  registerTrainingRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerFairRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerEvaluationRoutes(app, ctx);
  registerPublicSite(app, ctx);
  registerVerificationRoutes(app, ctx);
  registerOpenDataRoutes(app, ctx);
  registerCatalogueRoutes(app, ctx);
}
