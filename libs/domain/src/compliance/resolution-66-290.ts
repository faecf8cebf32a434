/**
 * The words of General Assembly resolution 66/290 (10 September 2012) that the product enforces or
 * asks projects to declare, verbatim: a Member State reading a refusal should find its own text.
 */
export const RESOLUTION_66_290_CITATION = 'General Assembly resolution 66/290 of 10 September 2012';

export const RESOLUTION_66_290_PARAGRAPH_6 =
  '6. Affirms that projects funded by the Trust Fund should receive the consent of the recipient State and be in line with national strategies and priorities in order to ensure national ownership;';

export const RESOLUTION_66_290_PARAGRAPH_3D =
  '(d) The notion of human security is distinct from the responsibility to protect and its implementation;';

export const RESOLUTION_66_290_PARAGRAPH_3E =
  '(e) Human security does not entail the threat or the use of force or coercive measures. Human security does not replace State security;';
