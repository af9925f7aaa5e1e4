'use server';
// Coordinator: generate code batches for their own school (DESIGN §7; modules/surveys/data/codes
// checks the school).
import { generateCodes } from './generate-codes';

export const generateSchoolCodesAction = generateCodes('/school/surveys');
