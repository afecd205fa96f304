/** A phone number as a tel: link target (digits and +). */
export const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
