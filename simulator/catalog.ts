// The fixed part of the simulated store: a francophone digital-products shop (products, discounts,
// campaigns, affiliates, countries). Everything that scales with store size lives in generator.ts.
import type { AffiliateStatus, Currency } from "./types";

export const STORE = {
  id: "store_8kq2m4x7v1",
  name: "Savoirs Numériques",
  slug: "savoirs-numeriques",
  url: "https://savoirs-numeriques.mychariow.com",
  logo: "https://cdn.chariow.com/stores/savoirs-numeriques/logo.png",
  description: "Formations, e-books et outils pour entrepreneurs d'Afrique francophone.",
  created_at_sec: Date.UTC(2023, 8, 12, 9, 30) / 1000,
};

export type ProductType = "course" | "downloadable" | "license" | "service" | "bundle";

export interface Product {
  id: string;
  slug: string;
  name: string;
  type: ProductType;
  /** Prices in minor units per currency. */
  price: Record<Currency, number>;
  published: boolean;
  shipping: boolean;
  files: { name: string; size: number; type: string }[];
  instructions: string;
  /** Relative popularity when a sale picks a product. */
  weight: number;
}

function p(
  id: string, slug: string, name: string, type: ProductType, xof: number, eur: number, usd: number,
  weight: number, files: Product["files"], instructions: string, extra: Partial<Product> = {},
): Product {
  // XAF is pegged to XOF at par (both 655.957 per euro), so the same price applies.
  return { id, slug, name, type, price: { XOF: xof, XAF: xof, EUR: eur, USD: usd }, published: true, shipping: false, files, instructions, weight, ...extra };
}

const ZIP = "application/zip";
const PDF = "application/pdf";

export const PRODUCTS: Product[] = [
  p("prd_7dk2lq9w3m", "formation-marketing-digital-afrique", "Formation Marketing Digital en Afrique", "course", 25000, 3900, 4500, 14,
    [{ name: "supports-de-cours.zip", size: 15728640, type: ZIP }], "Merci pour votre achat ! Connectez-vous à l'espace membre pour suivre les modules."),
  p("prd_3fh8na2kq0", "masterclass-facebook-instagram-ads", "Masterclass Facebook & Instagram Ads", "course", 49000, 7500, 9900, 9,
    [{ name: "course-materials.zip", size: 52428800, type: ZIP }], "Bienvenue dans la masterclass ! Les replays sont disponibles 12 mois."),
  p("prd_9xw1bc5tz4", "ebook-lancer-son-business-en-ligne", "E-book : Lancer son business en ligne", "downloadable", 4900, 750, 900, 22,
    [{ name: "lancer-son-business.pdf", size: 3145728, type: PDF }, { name: "bonus-checklist.pdf", size: 524288, type: PDF }], "Téléchargez votre e-book et la checklist bonus."),
  p("prd_2mv6rt8hy1", "pack-templates-canva-entrepreneurs", "Pack de templates Canva pour entrepreneurs", "downloadable", 9900, 1500, 1700, 12,
    [{ name: "templates-canva.zip", size: 104857600, type: ZIP }], "Ouvrez le lien Canva fourni dans le PDF pour dupliquer les modèles."),
  p("prd_5qa0ke4uj7", "guide-export-cajou", "Guide pratique de l'export de cajou", "downloadable", 7500, 1200, 1400, 5,
    [{ name: "guide-export-cajou.pdf", size: 7340032, type: PDF }], "Bonne lecture ! Les modèles de contrats sont en annexe."),
  p("prd_8ne3wd7gs2", "licence-caisse-pro", "Licence Logiciel Caisse Pro", "license", 35000, 5500, 5900, 6,
    [{ name: "caisse-pro-setup.exe", size: 88080384, type: "application/vnd.microsoft.portable-executable" }], "Activez votre licence dans Paramètres → Licence avec la clé ci-dessous."),
  p("prd_1jc4zp6vb8", "plugin-wordpress-mobile-money", "Plugin WordPress Paiement Mobile Money", "license", 15000, 2500, 2900, 7,
    [{ name: "wp-mobile-money.zip", size: 2097152, type: ZIP }], "Installez le plugin puis collez votre clé de licence dans Réglages."),
  p("prd_6tg9ym1ar5", "coaching-individuel-1h", "Coaching individuel (1 h)", "service", 20000, 3000, 3500, 6,
    [], "Réservez votre créneau via le lien Calendly envoyé par e-mail. Séance sur WhatsApp ou Google Meet."),
  p("prd_4ks7fx0ne9", "audit-page-de-vente", "Audit de page de vente", "service", 50000, 7600, 8900, 3,
    [], "Envoyez-nous le lien de votre page de vente ; l'audit vous parvient sous 5 jours ouvrés."),
  p("prd_0ur5hq3lc6", "bundle-entrepreneur-complet", "Bundle Entrepreneur Complet", "bundle", 75000, 11500, 12900, 4,
    [{ name: "bundle-entrepreneur.zip", size: 157286400, type: ZIP }], "Votre bundle comprend la formation, l'e-book et les templates."),
  p("prd_7wb2gn8my3", "coffret-livre-formation", "Coffret livre imprimé + formation", "bundle", 30000, 4600, 5200, 4,
    [{ name: "formation-acces.pdf", size: 262144, type: PDF }], "Votre livre sera expédié sous 72 h. L'accès à la formation est immédiat.", { shipping: true }),
  p("prd_3yd6cs1kw0", "atelier-excel-comptabilite", "Atelier live : Excel pour la comptabilité", "course", 15000, 2300, 2600, 6,
    [{ name: "classeurs-exercices.zip", size: 8388608, type: ZIP }], "Le lien Zoom de l'atelier est dans l'e-mail de confirmation."),
  p("prd_9hm0vt5pe2", "modeles-contrats-ohada", "Modèles de contrats juridiques OHADA", "downloadable", 12000, 1800, 2100, 5,
    [{ name: "contrats-ohada.docx.zip", size: 4194304, type: ZIP }], "Adaptez les modèles à votre activité ; ils ne remplacent pas un conseil juridique."),
  // A free lead magnet: never drawn by the generator (weight 0), bought only through POST /v1/checkout,
  // whose `completed` step it exists for. Kept before the archived product: `weighted` falls back to the
  // last index, which must never be a zero-weight entry.
  p("prd_5fr3gx8cb1", "checklist-gratuite-vendre-en-ligne", "Checklist gratuite : vendre en ligne en 10 étapes", "downloadable", 0, 0, 0, 0,
    [{ name: "checklist-vendre-en-ligne.pdf", size: 409600, type: PDF }], "Téléchargez votre checklist gratuite."),
  p("prd_2lf8ud4xa7", "ancienne-formation-tiktok", "Formation TikTok Business (ancienne édition)", "course", 10000, 1500, 1800, 3,
    [{ name: "tiktok-business.zip", size: 31457280, type: ZIP }], "Cette édition n'est plus vendue.", { published: false }),
];

export interface Discount {
  id: string;
  code: string;
  type: "percentage" | "fixed";
  /** Percent for percentage codes; minor units per currency for fixed ones. */
  percent: number;
  fixed: Record<Currency, number>;
  usageLimit: number | null;
  weight: number;
}

function pct(id: string, code: string, percent: number, usageLimit: number | null, weight: number): Discount {
  return { id, code, type: "percentage", percent, fixed: { XOF: 0, XAF: 0, EUR: 0, USD: 0 }, usageLimit, weight };
}
function fixed(id: string, code: string, xof: number, eur: number, usageLimit: number | null, weight: number): Discount {
  return { id, code, type: "fixed", percent: 0, fixed: { XOF: xof, XAF: xof, EUR: eur, USD: eur }, usageLimit, weight };
}

export const DISCOUNTS: Discount[] = [
  pct("dis_4hz8ka1qm2", "SAVE20", 20, null, 10),
  pct("dis_9bn2ye5tp7", "BIENVENUE10", 10, null, 18),
  pct("dis_1vk6wr3cs0", "TABASKI25", 25, 5000, 6),
  pct("dis_7qd0fm8ln4", "BLACKFRIDAY30", 30, null, 7),
  pct("dis_5ej3xu9gb1", "AMIS15", 15, 2000, 6),
  fixed("dis_8sc1hv4zd6", "REMISE2000", 2000, 300, null, 8),
  fixed("dis_2pa7nq0wk9", "FIDELE5000", 5000, 800, 1000, 4),
  fixed("dis_6gy4tl2rf3", "PROMO1000", 1000, 150, null, 6),
];

export interface Campaign {
  id: string;
  name: string;
  /** Active window as [month, day] pairs repeated every year, UTC. */
  from: [number, number];
  to: [number, number];
}

export const CAMPAIGNS: Campaign[] = [
  { id: "cmp_3kd9wq1zm5", name: "Black Friday", from: [11, 20], to: [12, 2] },
  { id: "cmp_8vn2bx6hr0", name: "Soldes de Tabaski", from: [6, 1], to: [6, 20] },
  { id: "cmp_1ty7ce4pa8", name: "Rentrée des entrepreneurs", from: [9, 1], to: [9, 30] },
  { id: "cmp_6mf0gs9lk2", name: "Saint-Valentin", from: [2, 7], to: [2, 15] },
  { id: "cmp_4qh5jd2ue7", name: "Nouvel An", from: [12, 26], to: [1, 10] },
];

export interface Country {
  code: string;
  name: string;
  currency: Currency;
  dial: string;
  weight: number;
  cities: string[];
  locale: string;
}

export const COUNTRIES: Country[] = [
  { code: "BJ", name: "Bénin", currency: "XOF", dial: "229", weight: 20, cities: ["Cotonou", "Porto-Novo", "Parakou", "Abomey-Calavi"], locale: "fr_BJ" },
  { code: "CI", name: "Côte d'Ivoire", currency: "XOF", dial: "225", weight: 22, cities: ["Abidjan", "Bouaké", "Yamoussoukro", "San-Pédro"], locale: "fr_CI" },
  { code: "SN", name: "Sénégal", currency: "XOF", dial: "221", weight: 17, cities: ["Dakar", "Thiès", "Saint-Louis", "Touba"], locale: "fr_SN" },
  { code: "TG", name: "Togo", currency: "XOF", dial: "228", weight: 6, cities: ["Lomé", "Kara", "Sokodé"], locale: "fr_TG" },
  { code: "BF", name: "Burkina Faso", currency: "XOF", dial: "226", weight: 5, cities: ["Ouagadougou", "Bobo-Dioulasso"], locale: "fr_BF" },
  { code: "ML", name: "Mali", currency: "XOF", dial: "223", weight: 4, cities: ["Bamako", "Sikasso"], locale: "fr_ML" },
  { code: "CM", name: "Cameroun", currency: "XAF", dial: "237", weight: 6, cities: ["Douala", "Yaoundé", "Bafoussam"], locale: "fr_CM" },
  { code: "GA", name: "Gabon", currency: "XAF", dial: "241", weight: 2, cities: ["Libreville", "Port-Gentil"], locale: "fr_GA" },
  { code: "FR", name: "France", currency: "EUR", dial: "33", weight: 8, cities: ["Paris", "Lyon", "Marseille", "Lille"], locale: "fr_FR" },
  { code: "BE", name: "Belgique", currency: "EUR", dial: "32", weight: 2, cities: ["Bruxelles", "Liège"], locale: "fr_BE" },
  { code: "US", name: "United States", currency: "USD", dial: "1", weight: 4, cities: ["New York", "Houston", "Atlanta"], locale: "en_US" },
  { code: "CA", name: "Canada", currency: "USD", dial: "1", weight: 3, cities: ["Montréal", "Québec", "Ottawa"], locale: "fr_CA" },
];
export const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);

export const FIRST_NAMES = [
  "Aminata", "Koffi", "Fatou", "Moussa", "Aïcha", "Yao", "Mariam", "Ibrahima", "Adjoa", "Sékou", "Awa", "Kouamé",
  "Fanta", "Ousmane", "Estelle", "Jean-Baptiste", "Chantal", "Serge", "Nadège", "Boubacar", "Rokia", "Hervé",
  "Mireille", "Cheikh", "Gisèle", "Abdoulaye", "Léa", "Thierry", "Ndeye", "Rodrigue", "Clarisse", "Émile",
];
export const LAST_NAMES = [
  "Diallo", "Kouassi", "Traoré", "Ndiaye", "Mensah", "Koné", "Sow", "Agbodjan", "Ouédraogo", "Camara", "Diop",
  "Houngbédji", "Bamba", "Fofana", "Tchakounté", "Nguema", "Adjovi", "Sylla", "Yéo", "Dossou", "Faye", "Kaboré",
  "Mbarga", "Lefèvre", "Dupont", "Zinsou", "Gueye", "Touré",
];
export const EMAIL_DOMAINS = ["gmail.com", "yahoo.fr", "outlook.fr", "hotmail.com", "icloud.com", "orange.sn"];

export interface AffiliateSeed {
  code: string;
  pseudo: string;
  first: string;
  last: string;
  country: string;
  commission: number;
  status: AffiliateStatus;
  source: "invitation" | "network";
  weight: number;
}

// JOHN25 and CREATOR123 are the codes the source documents use (seed 002, chariow-api.md §6), so the
// seeds' AffiliateManager example finds them unchanged.
export const AFFILIATES: AffiliateSeed[] = [
  { code: "JOHN25", pseudo: "john_formations", first: "Jean", last: "Dupont", country: "FR", commission: 15, status: "active", source: "invitation", weight: 5 },
  { code: "CREATOR123", pseudo: "studio_creatif", first: "Jean", last: "Agbodjan", country: "BJ", commission: 20, status: "active", source: "invitation", weight: 8 },
  { code: "AMINA15", pseudo: "amina_business", first: "Aminata", last: "Sow", country: "SN", commission: 15, status: "active", source: "network", weight: 10 },
  { code: "KOFFI10", pseudo: "koffi_digital", first: "Koffi", last: "Mensah", country: "TG", commission: 10, status: "active", source: "invitation", weight: 6 },
  { code: "ABIDJANTECH", pseudo: "abidjan_tech", first: "Kouamé", last: "Bamba", country: "CI", commission: 20, status: "active", source: "network", weight: 9 },
  { code: "MARIAM20", pseudo: "mariam_coach", first: "Mariam", last: "Traoré", country: "ML", commission: 20, status: "inactive", source: "invitation", weight: 3 },
  { code: "DOUALAPRO", pseudo: "douala_pro", first: "Hervé", last: "Tchakounté", country: "CM", commission: 15, status: "active", source: "network", weight: 5 },
  { code: "SEKOU30", pseudo: "sekou_marketing", first: "Sékou", last: "Camara", country: "CI", commission: 30, status: "suspended", source: "network", weight: 3 },
  { code: "NADEGE12", pseudo: "nadege_ecrit", first: "Nadège", last: "Adjovi", country: "BJ", commission: 12, status: "active", source: "invitation", weight: 4 },
  { code: "OUAGAPRENEUR", pseudo: "ouagapreneur", first: "Rokia", last: "Ouédraogo", country: "BF", commission: 10, status: "inactive", source: "network", weight: 2 },
  { code: "MTLAFRIQUE", pseudo: "mtl_afrique", first: "Clarisse", last: "Nguema", country: "CA", commission: 15, status: "active", source: "invitation", weight: 3 },
  { code: "DAKARDEALS", pseudo: "dakar_deals", first: "Cheikh", last: "Gueye", country: "SN", commission: 25, status: "suspended", source: "network", weight: 2 },
];

/**
 * Every `payment.failure_error` a failed payment may carry (cancelled aside). Which ones a sale shows
 * depends on its method (METHODS `failures`): cards are declined, need 3-D Secure or have expired; mobile
 * money runs short of balance, times out waiting for the customer's PIN, or the operator is down.
 */
export const FAILURE_ERRORS = [
  { code: "insufficient_funds", message: "Insufficient funds on the customer's account." },
  { code: "card_declined", message: "The card was declined by the issuing bank." },
  { code: "timeout", message: "The payment provider did not respond in time." },
  { code: "invalid_otp", message: "The confirmation code entered is invalid." },
  { code: "transaction_limit_exceeded", message: "The mobile money transaction limit has been exceeded." },
  { code: "expired_card", message: "The card has expired." },
  { code: "authentication_failed", message: "3-D Secure authentication failed." },
  { code: "operator_unavailable", message: "The mobile money operator is unavailable." },
];
export const CANCELLED_ERROR = { code: "cancelled_by_user", message: "The payment was cancelled by the customer." };

export const RATING_COMMENTS = [
  "Excellent produit, très complet !", "Très utile pour mon activité.", "Bon contenu, je recommande.",
  "Clair et bien expliqué.", "Un peu court mais efficace.", "Exactement ce qu'il me fallait.", null,
];

export const USER_AGENTS = [
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 12; TECNO KH7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
];

export type FailureMix = Readonly<Partial<Record<string, number>>>;

/** A payment method: its words, whether it is paid from a mobile-money wallet, its failure codes (weights). */
export interface PaymentMethod {
  id: string;
  name: string;
  mobileMoney: boolean;
  failures: FailureMix;
  /** Seconds from checkout to payment when paid: 30 s plus up to this much (cards are quick, USSD pushes slow). */
  paySpanSec: number;
}

// USSD-push wallets wait for the customer's PIN (timeouts, wrong code); Wave pays from its app (no OTP,
// fewer timeouts); cards fail on the bank's side and on 3-D Secure.
const USSD: FailureMix = { insufficient_funds: 40, timeout: 18, invalid_otp: 16, transaction_limit_exceeded: 10, operator_unavailable: 6 };
export const PAYMENT_METHODS: Readonly<Record<string, PaymentMethod>> = {
  mtn_momo: { id: "mtn_momo", name: "MTN Mobile Money", mobileMoney: true, failures: USSD, paySpanSec: 840 },
  orange_money: { id: "orange_money", name: "Orange Money", mobileMoney: true, failures: { insufficient_funds: 36, invalid_otp: 26, timeout: 14, transaction_limit_exceeded: 12, operator_unavailable: 4 }, paySpanSec: 780 },
  wave: { id: "wave", name: "Wave", mobileMoney: true, failures: { insufficient_funds: 52, transaction_limit_exceeded: 20, timeout: 8, operator_unavailable: 6 }, paySpanSec: 360 },
  moov_money: { id: "moov_money", name: "Moov Money", mobileMoney: true, failures: { insufficient_funds: 30, timeout: 28, operator_unavailable: 16, invalid_otp: 12, transaction_limit_exceeded: 6 }, paySpanSec: 900 },
  free_money: { id: "free_money", name: "Free Money", mobileMoney: true, failures: USSD, paySpanSec: 840 },
  t_money: { id: "t_money", name: "T-Money", mobileMoney: true, failures: { insufficient_funds: 38, timeout: 22, invalid_otp: 14, operator_unavailable: 10, transaction_limit_exceeded: 8 }, paySpanSec: 900 },
  airtel_money: { id: "airtel_money", name: "Airtel Money", mobileMoney: true, failures: USSD, paySpanSec: 840 },
  card: { id: "card", name: "Credit/Debit Card", mobileMoney: false, failures: { card_declined: 36, insufficient_funds: 22, authentication_failed: 20, expired_card: 12, timeout: 4 }, paySpanSec: 240 },
  paypal: { id: "paypal", name: "PayPal", mobileMoney: false, failures: { card_declined: 30, insufficient_funds: 25, authentication_failed: 15, timeout: 10 }, paySpanSec: 300 },
};

/**
 * A method's place in one country: `weight`, its share of checkouts; `failFactor`, how much more often
 * than the country's other methods a payment through it fails (1: as often; the history draws a failed
 * sale's method with weight × failFactor, live mode scales its failure odds the same way);
 * `abandonFactor`, the same for checkouts given up.
 */
export interface MethodShare {
  id: string;
  name: string;
  weight: number;
  failFactor: number;
  abandonFactor: number;
}

const share = (id: string, weight: number, failFactor: number, abandonFactor = 1): MethodShare => ({ id, name: PAYMENT_METHODS[id].name, weight, failFactor, abandonFactor });

/** Payment methods per buyer country (ISO2): mobile money dominates in the XOF and XAF zones. */
export const METHODS: Readonly<Record<string, MethodShare[]>> = {
  BJ: [share("mtn_momo", 55, 1.1), share("moov_money", 33, 1.9), share("card", 12, 0.9, 1.4)],
  CI: [share("orange_money", 34, 1.1), share("mtn_momo", 24, 1.3), share("wave", 24, 0.5), share("moov_money", 10, 2.1), share("card", 8, 1, 1.4)],
  SN: [share("wave", 52, 0.6), share("orange_money", 30, 1.5), share("free_money", 8, 2), share("card", 10, 1, 1.4)],
  TG: [share("t_money", 45, 1.4), share("moov_money", 40, 1.1), share("card", 15, 0.8, 1.4)],
  BF: [share("orange_money", 62, 1.2), share("moov_money", 28, 1.6), share("card", 10, 0.8, 1.4)],
  ML: [share("orange_money", 66, 1.3), share("moov_money", 14, 1.5), share("wave", 12, 0.6), share("card", 8, 0.9, 1.4)],
  CM: [share("mtn_momo", 48, 0.9), share("orange_money", 40, 1.5), share("card", 12, 0.9, 1.4)],
  GA: [share("airtel_money", 58, 1.2), share("moov_money", 26, 1.5), share("card", 16, 0.8, 1.4)],
  FR: [share("card", 80, 1.1), share("paypal", 20, 0.6, 0.8)],
  BE: [share("card", 75, 1.1), share("paypal", 25, 0.7, 0.8)],
  US: [share("card", 75, 1.2), share("paypal", 25, 0.5, 0.8)],
  CA: [share("card", 70, 1.1), share("paypal", 30, 0.8, 0.8)],
};
